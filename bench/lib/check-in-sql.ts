import { localDate, localMonth } from '@passerelle/calendar';
import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { Histogram } from 'hdr-histogram-js';
import type { BenchSpace, Fixtures } from './fixtures';
import { newHistogram, recordMs } from './stats';

/**
 * The statements the network subgraph runs for one accepted QR check-in by a scanner, in order, as
 * apps/network/src/check-ins/ sends them (the scanner lookup is scanners.service's TypeORM findOne).
 * The floor runs them with plain `pg`; the growth scenario EXPLAINs them.
 */
export const SQL = {
  scanner: `SELECT "ScannerEntity"."id" AS "ScannerEntity_id", "ScannerEntity"."space_id" AS "ScannerEntity_space_id"
              FROM "scanners" "ScannerEntity"
             WHERE (("ScannerEntity"."token_hash" = $1) AND ("ScannerEntity"."revoked_at" IS NULL)) LIMIT 1`,
  claim: `INSERT INTO check_ins (space_id, idempotency_key, fingerprint) VALUES ($1, $2, $3)
          ON CONFLICT DO NOTHING RETURNING space_id`,
  context: `SELECT p.id, p.network_id, p.kind, p.payer_kind, p.payer_id, p.home_space_id, p.revoked_at, p.valid_until,
                   pr.unit_value_cents, pr.free_days_per_month, n.timezone AS network_timezone, s.timezone AS space_timezone,
                   m.status AS membership_status, m.nomad_seats, m.credits_per_day
              FROM passes p
              JOIN pass_products pr ON pr.id = p.product_id
              JOIN networks n ON n.id = p.network_id
              JOIN spaces s ON s.id = $2
              LEFT JOIN memberships m ON m.network_id = p.network_id AND m.space_id = s.id
             WHERE p.id = $1::uuid AND p.network_id = $3::uuid`,
  visit: `INSERT INTO visits (pass_id, space_id, network_id, payer_kind, payer_id, occurred_at, local_date, network_month,
                              units, amount_cents, status, took_seat, quota_month, scanner_id)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'ACCEPTED', $11, $12, $13)
          ON CONFLICT (pass_id, space_id, local_date) WHERE status = 'ACCEPTED' DO NOTHING
          RETURNING id`,
  seat: `INSERT INTO space_day_seats (network_id, space_id, local_date, taken) VALUES ($1, $2, $3, 1)
         ON CONFLICT (network_id, space_id, local_date)
         DO UPDATE SET taken = space_day_seats.taken + 1 WHERE space_day_seats.taken < $4
         RETURNING taken`,
  debit: 'UPDATE passes SET remaining_units = remaining_units - $2 WHERE id = $1 AND remaining_units >= $2',
  outbox: 'INSERT INTO outbox (transaction_id, type, payload) VALUES (pg_current_xact_id()::text::bigint, $1, $2)',
  result: 'UPDATE check_ins SET result = $3 WHERE space_id = $1 AND idempotency_key = $2',
};

export interface Scan {
  space: BenchSpace;
  passId: string;
  idempotencyKey: string;
  credential: string;
}

type Step = (
  name: keyof typeof SQL | 'begin' | 'savepoint' | 'commit',
  sql: string,
  params?: unknown[],
) => Promise<{
  rows: Array<Record<string, unknown>>;
  rowCount: number | null;
}>;

/**
 * One check-in's transaction, statement for statement; `run` sends each one (plainly, or wrapped in
 * EXPLAIN). Returns whether the visit was accepted.
 */
export async function checkInTransaction(run: Step, fixtures: Fixtures, scan: Scan, at = new Date()): Promise<boolean> {
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([scan.space.id, scan.credential, null]))
    .digest('hex');
  await run('begin', 'START TRANSACTION');
  const claimed = await run('claim', SQL.claim, [scan.space.id, scan.idempotencyKey, fingerprint]);
  if (claimed.rows.length === 0) throw new Error('idempotency key already used');
  const [row] = (await run('context', SQL.context, [scan.passId, scan.space.id, fixtures.networkId])).rows;
  if (!row) throw new Error(`pass ${scan.passId} not found`);
  const day = localDate(at, row.space_timezone as string);
  const month = localMonth(at, row.network_timezone as string);
  const units = 1;
  const amountCents = units * Number(row.unit_value_cents);
  await run('savepoint', 'SAVEPOINT admit');
  const visit = await run('visit', SQL.visit, [
    scan.passId,
    scan.space.id,
    fixtures.networkId,
    row.payer_kind,
    row.payer_id,
    at,
    day,
    month,
    units,
    amountCents,
    true,
    null,
    scan.space.scannerId,
  ]);
  const seat = await run('seat', SQL.seat, [fixtures.networkId, scan.space.id, day, row.nomad_seats]);
  const debit = await run('debit', SQL.debit, [scan.passId, units]);
  const visitId = visit.rows[0]?.id as string | undefined;
  const accepted = Boolean(visitId) && seat.rows.length === 1 && debit.rowCount === 1;
  const payload = {
    visitId,
    networkId: fixtures.networkId,
    passId: scan.passId,
    hostSpaceId: scan.space.id,
    payer: { kind: row.payer_kind, id: row.payer_id },
    occurredAt: at.toISOString(),
    localDate: day,
    networkMonth: month,
    units,
    amountCents,
  };
  await run('outbox', SQL.outbox, ['visit.accepted', JSON.stringify(payload)]);
  const result = {
    status: 'ACCEPTED',
    reason: null,
    message: 'Welcome! Checked in for the day.',
    repeat: false,
    visitId,
    passId: scan.passId,
  };
  await run('result', SQL.result, [scan.space.id, scan.idempotencyKey, JSON.stringify(result)]);
  await run('commit', 'COMMIT');
  return accepted;
}

const plain =
  (client: PoolClient): Step =>
  (_name, sql, params) =>
    client.query(sql, params);

export interface FloorRun {
  concurrency: number;
  durationSeconds: number;
  completed: number;
  rate: number;
  latency: Histogram;
  outcomes: Record<string, number>;
}

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
      const scanner = await pool.query(SQL.scanner, [space.scannerTokenHash]);
      if (scanner.rows.length !== 1) throw new Error('scanner not found');
      const client = await pool.connect();
      try {
        const scan = { space, passId, idempotencyKey: `${tag}-${n}`, credential: passId };
        count((await checkInTransaction(plain(client), fixtures, scan)) ? 'accepted' : 'not accepted');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
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
 * EXPLAIN (ANALYZE, BUFFERS) of every statement of one check-in, inside a transaction that is rolled
 * back: what each statement costs on the database as it is.
 */
export async function explainCheckIn(client: PoolClient, fixtures: Fixtures, scan: Scan): Promise<StatementPlan[]> {
  const plans: StatementPlan[] = [];
  const explain: Step = async (name, sql, params) => {
    if (name === 'begin' || name === 'savepoint') return client.query(sql, params);
    if (name === 'commit') return client.query('ROLLBACK');
    const { rows } = await client.query<{ 'QUERY PLAN': ExplainJson[] }>(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
      params,
    );
    const [top] = rows[0]['QUERY PLAN'];
    plans.push({
      statement: name,
      executionMs: top['Execution Time'],
      planningMs: top['Planning Time'],
      sharedHit: totalOf(top.Plan, 'Shared Hit Blocks'),
      sharedRead: totalOf(top.Plan, 'Shared Read Blocks'),
      sharedDirtied: totalOf(top.Plan, 'Shared Dirtied Blocks'),
      plan: describePlan(top.Plan),
    });
    // EXPLAIN returns the plan, not the statement's rows: run the reads again for their rows, and
    // give the writes (which did happen) the answers the transaction expects.
    if (name === 'context' || name === 'scanner') return client.query(sql, params);
    if (name === 'claim' || name === 'visit' || name === 'seat') {
      const rows =
        name === 'visit' ? await client.query(`SELECT id FROM visits WHERE pass_id = $1`, [scan.passId]) : undefined;
      return { rows: rows?.rows ?? [{}], rowCount: 1 };
    }
    return { rows: [], rowCount: 1 };
  };
  await explain('scanner', SQL.scanner, [scan.space.scannerTokenHash]);
  await checkInTransaction(explain, fixtures, scan);
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
