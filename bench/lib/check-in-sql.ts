import type { Pool, PoolClient } from 'pg';
import type { HttpLoadRun } from './http-load';
import {
  InTransaction,
  recordCheckIns,
  scanKeyOf,
  Statements,
} from '../../apps/network/src/check-ins/check-in-transaction';
import type { BenchSpace, Fixtures } from './fixtures';
import { newHistogram, recordMs } from './stats';

/**
 * One accepted QR check-in by a scanner, as the network subgraph runs it (apps/network/src/check-ins):
 * the scanner lookup (scanners.service's TypeORM findOne) on one pooled connection, then, on another,
 * the very transaction the server runs (check-in-transaction.ts), here over plain `pg`. The QR code's
 * signature is taken as checked: the floor is the database's part. The floor runs it; the growth
 * scenario EXPLAINs each statement.
 */
export const SCANNER_SQL = `SELECT "ScannerEntity"."id" AS "ScannerEntity_id", "ScannerEntity"."space_id" AS "ScannerEntity_space_id"
              FROM "scanners" "ScannerEntity"
             WHERE (("ScannerEntity"."token_hash" = $1) AND ("ScannerEntity"."revoked_at" IS NULL)) LIMIT 1`;

export interface Scan {
  space: BenchSpace;
  passId: string;
  idempotencyKey: string;
  credential: string;
}

/** The named statements over a plain `pg` connection, as the server runs them over TypeORM's. */
export function session(client: PoolClient): Statements {
  return {
    run: async <T>(name: string, text: string, values: unknown[]) =>
      (await client.query({ name, text, values })).rows as T[],
  };
}

/** A transaction on one `pg` connection, ended by `end` (ROLLBACK to leave nothing behind). */
function transactionOn(client: PoolClient, statements: Statements, end: 'COMMIT' | 'ROLLBACK'): InTransaction {
  return async (work) => {
    await client.query('START TRANSACTION');
    try {
      const result = await work(statements);
      await client.query(end);
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  };
}

/** One check-in's transaction, the server's own. Returns whether a new visit was accepted. */
export async function checkInTransaction(
  client: PoolClient,
  statements: Statements,
  fixtures: Fixtures,
  scan: Scan,
  end: 'COMMIT' | 'ROLLBACK' = 'COMMIT',
): Promise<boolean> {
  const sent = {
    key: scanKeyOf({ spaceId: scan.space.id, idempotencyKey: scan.idempotencyKey, credential: scan.credential }),
    keyField: 'idempotencyKey',
    at: new Date(),
    verdict: { passId: scan.passId, networkId: fixtures.networkId },
  };
  const desk = { deskId: scan.space.scannerId, scannerId: scan.space.scannerId };
  const [result] = await recordCheckIns(transactionOn(client, statements, end), [sent], desk);
  return result.status === 'ACCEPTED' && !result.repeat;
}

/** What an HTTP run reports, without the transport's own failures (there is no HTTP here). */
export type FloorRun = Omit<HttpLoadRun, 'transportErrors' | 'timeouts'>;

/**
 * The floor: `concurrency` loops each running the whole check-in (scanner lookup on one pooled
 * connection, then the transaction on another, as the server does) against a pool as large as the
 * server's, for `durationSeconds`. Latency is from the start of a check-in to its commit.
 */
export async function sqlFloor(
  pool: Pool,
  fixtures: Fixtures,
  passIds: string[],
  concurrency: number,
  durationSeconds: number,
  tag: string,
): Promise<FloorRun> {
  const latency = newHistogram();
  const outcomes: Record<string, number> = {};
  const count = (outcome: string) => (outcomes[outcome] = (outcomes[outcome] ?? 0) + 1);
  const deadline = Date.now() + durationSeconds * 1000;
  let next = 0;
  const worker = async () => {
    while (Date.now() < deadline) {
      const n = next++;
      const passId = passIds[n];
      if (!passId) {
        count('out of passes');
        return;
      }
      const space = fixtures.spaces[n % fixtures.spaces.length];
      const started = process.hrtime.bigint();
      const scanner = await pool.query(SCANNER_SQL, [space.scannerTokenHash]);
      if (scanner.rows.length !== 1) throw new Error('scanner not found');
      const client = await pool.connect();
      try {
        const scan = { space, passId, idempotencyKey: `${tag}-${n}`, credential: passId };
        count((await checkInTransaction(client, session(client), fixtures, scan)) ? 'accepted' : 'not accepted');
      } catch (error) {
        count(`error ${(error as Error).message.slice(0, 60)}`);
      } finally {
        client.release();
      }
      recordMs(latency, Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = Math.max(durationSeconds, (Date.now() - started) / 1000);
  const completed = latency.totalCount;
  return { concurrency, durationSeconds: elapsed, completed, rate: completed / elapsed, latency, outcomes };
}

export interface StatementPlan {
  statement: string;
  executionMs: number;
  planningMs: number;
  sharedHit: number;
  sharedRead: number;
  sharedDirtied: number;
  plan: string;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement of one check-in, in a transaction that is rolled back:
 * what each statement costs on the database as it is. Each statement is explained (which runs it) and
 * undone to a savepoint, then run again for the rows the next one needs.
 */
export async function explainCheckIn(client: PoolClient, fixtures: Fixtures, scan: Scan): Promise<StatementPlan[]> {
  const names = ['scanner', 'claim', 'context', 'day state', 'write'];
  const plans: StatementPlan[] = [];
  const explained = async (sql: string, params?: unknown[]) => {
    const { rows } = await client.query<{ 'QUERY PLAN': ExplainJson[] }>(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
      params,
    );
    const [top] = rows[0]['QUERY PLAN'];
    plans.push({
      statement: names[plans.length] ?? `statement ${plans.length + 1}`,
      executionMs: top['Execution Time'],
      planningMs: top['Planning Time'],
      sharedHit: totalOf(top.Plan, 'Shared Hit Blocks'),
      sharedRead: totalOf(top.Plan, 'Shared Read Blocks'),
      sharedDirtied: totalOf(top.Plan, 'Shared Dirtied Blocks'),
      plan: describePlan(top.Plan),
    });
  };
  await explained(SCANNER_SQL, [scan.space.scannerTokenHash]);
  const explainThenRun = async <T>(_name: string, sql: string, params: unknown[]) => {
    await client.query('SAVEPOINT explained');
    await explained(sql, params);
    await client.query('ROLLBACK TO SAVEPOINT explained');
    return (await client.query(sql, params)).rows as T[];
  };
  // Rolled back: nothing of the sample stays.
  const accepted = await checkInTransaction(client, { run: explainThenRun }, fixtures, scan, 'ROLLBACK');
  if (!accepted) throw new Error(`The sampled check-in of pass ${scan.passId} was not a new visit.`);
  return plans;
}

interface ExplainNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: ExplainNode[];
  [key: string]: unknown;
}
interface ExplainJson {
  Plan: ExplainNode;
  'Planning Time': number;
  'Execution Time': number;
}

/** Buffers are cumulative at the top node, but triggers (foreign keys) are outside: the top is enough. */
function totalOf(node: ExplainNode, key: string): number {
  return Number(node[key] ?? 0);
}

function describePlan(node: ExplainNode): string {
  const parts: string[] = [];
  const walk = (n: ExplainNode) => {
    const target = n['Index Name'] ?? n['Relation Name'];
    parts.push(target ? `${n['Node Type']} on ${target}` : n['Node Type']);
    for (const child of n.Plans ?? []) walk(child);
  };
  walk(node);
  return parts.join(' > ');
}
