import type { BenchContext } from '../lib/context';
import type { ScenarioResult } from '../lib/report';

/**
 * One benchmark scenario: a file in this folder, listed in ./index.ts. `run` measures and returns
 * its rows, targets and notes; it may use the shared server (`ctx.server()`), its data
 * (`ctx.fixtures()`) and the database (`ctx.db`), and must undo anything else it starts
 * (register it with `ctx.cleanup`).
 */
export interface Scenario {
  /** Used with --only. */
  id: string;
  /** The numbering: the table is printed in this order. */
  number: number;
  title: string;
  run(ctx: BenchContext): Promise<Omit<ScenarioResult, 'id' | 'number' | 'title'>>;
}
