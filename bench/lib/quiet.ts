import type { Pool } from 'pg';
import { sleep } from './log';

/**
 * Waits until the server has nothing left to do from the previous run: the settlement subgraph (in
 * the same process) has consumed every visit event the network subgraph wrote. Without this, events
 * of one case (the floor's thousands) are still being consumed while the next case is measured.
 * Gives up quietly after `timeoutMs`, or at once where there is no settlement schema.
 */
export async function waitUntilQuiet(pool: Pool, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    let caughtUp: boolean;
    try {
      const { rows } = await pool.query<{ caught_up: boolean }>(
        `SELECT coalesce((SELECT transaction_id::text || ':' || id FROM network.outbox
                           ORDER BY transaction_id DESC, id DESC LIMIT 1), '0:0')
                = (SELECT position FROM settlement.consumer_positions WHERE source = 'network') AS caught_up`,
      );
      caughtUp = rows[0]?.caught_up !== false;
    } catch {
      return Date.now() - started;
    }
    if (caughtUp) return Date.now() - started;
    await sleep(100);
  }
  return Date.now() - started;
}
