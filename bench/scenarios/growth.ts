import { CHECK_IN_RETENTION_DAYS } from '../../apps/network/src/check-ins/check-in-policy';
import { explainCheckIn, StatementPlan } from '../lib/check-in-sql';
import type { PoolClient } from 'pg';
import type { BenchContext } from '../lib/context';
import { Fixtures, PRODUCT } from '../lib/fixtures';
import { progress, sleep } from '../lib/log';
import { waitUntilQuiet } from '../lib/quiet';
import type { Row, Target } from '../lib/report';
import { median, round } from '../lib/stats';
import { checkInRun, describeRun, Measured, rowOf } from './check-in-load';
import type { Scenario } from './scenario';

const CONCURRENCY = 8;
const VISITS_PER_PASS = 40;
const CHUNK = 1_000_000;
const RESULT = JSON.stringify({
  status: 'ACCEPTED',
  reason: null,
  message: 'Welcome! Checked in for the day.',
  repeat: false,
  visitId: '00000000-0000-4000-8000-000000000000',
  passId: '00000000-0000-4000-8000-000000000000',
});

/**
 * Scenario 4: does history slow the front desk down? Check-in latency at c=8 on the database as it is,
 * then after N visits of earlier months (with their idempotency records) are written straight into
 * the network schema's tables.
 */
export const growthScenario: Scenario = {
  id: 'growth',
  number: 4,
  title: `Growth: check-in via gateway at c=${CONCURRENCY}, before and after history`,
  async run(ctx: BenchContext) {
    const { options } = ctx;
    const server = await ctx.server();
    const fixtures = await ctx.fixtures();
    const history = options.historyVisits;

    const measureAll = async (label: string) => {
      progress(`Warming up (${options.warmupSeconds} s)…`);
      await waitUntilQuiet(ctx.db.pool);
      await checkInRun(ctx, server.gatewayUrl, CONCURRENCY, options.warmupSeconds);
      await waitUntilQuiet(ctx.db.pool);
      const runs: Measured[] = [];
      for (let r = 1; r <= options.runs; r += 1) {
        const run = await checkInRun(ctx, server.gatewayUrl, CONCURRENCY, options.durationSeconds);
        progress(describeRun(`run ${r}/${options.runs} ${label}`, run));
        runs.push(run);
        await waitUntilQuiet(ctx.db.pool);
        await sleep(300);
      }
      return runs;
    };

    const sizesBefore = await tableSizes(ctx);
    const before = await measureAll('before history');
    const plansBefore = await explainSample(ctx, fixtures);
    await insertHistory(ctx, fixtures, history);
    const sizesAfter = await tableSizes(ctx);
    const plansAfter = await explainSample(ctx, fixtures);
    const after = await measureAll(`with ${formatCount(history)} visits`);

    const rowBefore = rowOf('check-in, current month only', before);
    const rowAfter = rowOf(`check-in, + ${formatCount(history)} visits of earlier months`, after);
    const ratio = rowAfter.p50Ms! / rowBefore.p50Ms!;
    rowAfter.value = `p50 ratio ${round(ratio, 2)}, p99 ratio ${round(rowAfter.p99Ms! / rowBefore.p99Ms!, 2)}`;
    rowBefore.value = `visits ${sizesBefore.visits}`;
    rowAfter.value += `; visits ${sizesAfter.visits}`;
    const rows: Row[] = [rowBefore, rowAfter];
    const targets: Target[] = [
      {
        name: `growth: p50 with ${formatCount(history)} visits / without`,
        goal: '≤ 1.25',
        measured: round(ratio, 2).toFixed(2),
        ok: ratio <= 1.25,
      },
    ];
    const slower = plansAfter
      .filter((plan) => {
        const was = plansBefore.find((p) => p.statement === plan.statement);
        return was && plan.executionMs > Math.max(2 * was.executionMs, was.executionMs + 0.2);
      })
      .map((plan) => `${plan.statement} (${plan.plan})`);
    const notes = [
      `History: ${formatCount(history)} ACCEPTED visits over the 11 months before this one (${VISITS_PER_PASS} per pass, ` +
        `${fixtures.spaces.length} spaces), inserted with generate_series, and the idempotency records a server keeps: ` +
        `those of the last ${CHECK_IN_RETENTION_DAYS} days at the history's daily rate (it deletes older ones every hour); indexes ` +
        `rebuilt with the migrations' definitions, then VACUUM ANALYZE and CHECKPOINT.`,
      `Sizes before → after: ${Object.keys(sizesAfter)
        .map((table) => `${table} ${sizesBefore[table]} → ${sizesAfter[table]}`)
        .join(', ')}.`,
      `EXPLAIN (ANALYZE, BUFFERS) per statement, median ms before → after: ${plansAfter
        .map((plan) => {
          const was = plansBefore.find((p) => p.statement === plan.statement);
          return `${plan.statement} ${was?.executionMs ?? '?'} → ${plan.executionMs} (buffers ${was?.sharedHit ?? '?'}+${was?.sharedRead ?? '?'} → ${plan.sharedHit}+${plan.sharedRead} hit+read)`;
        })
        .join('; ')}.`,
      slower.length
        ? `Statements markedly slower with history: ${slower.join('; ')}.`
        : 'No statement got markedly slower.',
    ];
    return { rows, targets, notes, details: { plansBefore, plansAfter, sizesBefore, sizesAfter } };
  },
};

function formatCount(n: number): string {
  return n >= 1_000_000 ? `${round(n / 1_000_000, 1)}M` : n >= 1000 ? `${round(n / 1000, 1)}k` : String(n);
}

async function tableSizes(ctx: BenchContext): Promise<Record<string, string>> {
  const { rows } = await ctx.db.pool.query<{ name: string; size: string }>(
    `SELECT c.relname AS name, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'network' AND c.relname IN ('visits', 'check_ins', 'passes', 'outbox')
      ORDER BY c.relname`,
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.size]));
}

/** Median per statement over a few check-ins EXPLAINed in rolled-back transactions. */
async function explainSample(ctx: BenchContext, fixtures: Fixtures): Promise<StatementPlan[]> {
  const passIds = await fixtures.allocatePasses(15);
  const samples: StatementPlan[][] = [];
  const client = await ctx.db.pool.connect();
  try {
    for (const [i, passId] of passIds.entries()) {
      const space = fixtures.spaces[i % fixtures.spaces.length];
      samples.push(
        await explainCheckIn(client, fixtures, {
          space,
          passId,
          idempotencyKey: `explain-${Date.now()}-${i}`,
          credential: passId,
        }),
      );
    }
  } finally {
    client.release();
  }
  return samples[0].map((first, index) => {
    const all = samples.map((sample) => sample[index]);
    return {
      ...first,
      executionMs: round(median(all.map((plan) => plan.executionMs)), 3),
      planningMs: round(median(all.map((plan) => plan.planningMs)), 3),
      sharedHit: median(all.map((plan) => plan.sharedHit)),
      sharedRead: median(all.map((plan) => plan.sharedRead)),
      sharedDirtied: median(all.map((plan) => plan.sharedDirtied)),
    };
  });
}

/**
 * History as it would have accumulated: each visit an ACCEPTED one-per-day row of a pass at a space
 * on a past day (11 months back to last month), and the idempotency records of the retention period that
 * the server keeps at such a rate (deleteExpiredCheckIns deletes the older ones every hour). For
 * speed the two tables' indexes are dropped, the rows loaded (one table per connection, side by side),
 * and the indexes recreated from their own definitions; foreign keys are not re-checked row by row
 * (the rows reference real passes and spaces).
 */
async function insertHistory(ctx: BenchContext, fixtures: Fixtures, visits: number): Promise<void> {
  const started = Date.now();
  const passCount = Math.ceil(visits / VISITS_PER_PASS);
  progress(`Inserting ${passCount} passes for the history…`);
  const passIds = await fixtures.allocatePasses(passCount);
  const [first, second] = [await ctx.db.pool.connect(), await ctx.db.pool.connect()];
  try {
    // Days: from the first of the month 11 months ago to the last day of last month, in the network's zone.
    const { rows } = await first.query<{ first_day: string; days: number }>(
      `SELECT to_char(first_day, 'YYYY-MM-DD') AS first_day, (this_month - first_day)::integer AS days
         FROM (SELECT date_trunc('month', now() AT TIME ZONE $1)::date AS this_month,
                      (date_trunc('month', now() AT TIME ZONE $1) - interval '11 months')::date AS first_day) AS bounds`,
      [fixtures.timezone],
    );
    const { first_day: firstDay, days } = rows[0];
    // Visit i: pass i mod P, on day (i div P)·stride + (pass mod stride): a pass never twice on one day.
    const stride = Math.floor(days / VISITS_PER_PASS);
    if (stride < 1) throw new Error('Not enough days for the history.');
    for (const client of [first, second]) await prepareSession(client, fixtures, passIds);

    const scan = `
        FROM generate_series($1::bigint, $2::bigint) AS i
        JOIN bench_history_passes p ON p.n = i % $3
        JOIN bench_history_spaces s ON s.n = (i * 7 + i / $3) % $7
        CROSS JOIN LATERAL (
          SELECT (($5::date + ((i / $3) * $4 + (i % $3) % $4)::integer) + time '08:00' + ((i % 600) * interval '1 minute'))
                   AT TIME ZONE $6 AS at) t`;
    const tables = {
      visits: `INSERT INTO visits (pass_id, space_id, network_id, payer_kind, payer_id, occurred_at, local_date, network_month,
                                   units, amount_cents, status, took_seat, quota_month, scanner_id, recorded_at)
               SELECT p.id, s.id, '${fixtures.networkId}', 'SPACE', '${fixtures.sellerSpaceId}', t.at,
                      to_char(t.at AT TIME ZONE $6, 'YYYY-MM-DD'), to_char(t.at AT TIME ZONE $6, 'YYYY-MM'),
                      1, ${PRODUCT.unitValueCents}, 'ACCEPTED', true, NULL, s.scanner_id, t.at ${scan}`,
      // The records a server keeps (the last ${CHECK_IN_RETENTION_DAYS} days, at the history's daily rate), spread over
      // those days. Keys and fingerprints of a scan's usual sizes; every result the same one (its size is what counts).
      check_ins: `INSERT INTO check_ins (space_id, idempotency_key, fingerprint, result, received_at)
                  SELECT s.id, 'scan-' || lpad(to_hex(i * 2654435761 % 4294967296), 8, '0') || '-' || i,
                         lpad(to_hex(i), 64, '0'), '${RESULT}'::jsonb,
                         now() - (i % ${CHECK_IN_RETENTION_DAYS * 1440}) * interval '1 minute' ${scan}
                  WHERE i % ${days} < ${CHECK_IN_RETENTION_DAYS}`,
    };
    const indexes = await dropIndexes(first, Object.keys(tables));
    await Promise.all(
      Object.entries(tables).map(async ([table, insert], index) => {
        const client = index === 0 ? first : second;
        for (let from = 0; from < visits; from += CHUNK) {
          const to = Math.min(visits, from + CHUNK);
          progress(`  ${table}: rows ${formatCount(from)}–${formatCount(to)} of ${formatCount(visits)}…`);
          await client.query(insert, [
            from,
            to - 1,
            passCount,
            stride,
            firstDay,
            fixtures.timezone,
            fixtures.spaces.length,
          ]);
        }
        progress(`  ${table}: recreating its indexes, VACUUM ANALYZE…`);
        for (const statement of indexes.filter((index) => index.table === table)) await client.query(statement.sql);
        await client.query(`VACUUM ANALYZE ${table}`);
      }),
    );
    await first.query('VACUUM ANALYZE passes');
    await first.query('CHECKPOINT').catch(() => undefined);
  } finally {
    // Back to the pool as they came: foreign keys checked again, no temporary tables.
    for (const client of [first, second]) {
      await client.query('DISCARD ALL').catch(() => undefined);
      client.release();
    }
  }
  progress(`History written in ${Math.round((Date.now() - started) / 1000)} s.`);
}

/** The history's passes and spaces, numbered, in this session's temporary tables. */
async function prepareSession(client: PoolClient, fixtures: Fixtures, passIds: string[]): Promise<void> {
  await client.query(`SET maintenance_work_mem = '512MB'`);
  // Foreign keys are not re-checked row by row when allowed (a superuser); they hold by construction.
  await client.query(`SET session_replication_role = replica`).catch(() => undefined);
  await client.query('DROP TABLE IF EXISTS bench_history_passes, bench_history_spaces');
  await client.query('CREATE TEMP TABLE bench_history_passes (n integer PRIMARY KEY, id uuid NOT NULL)');
  await client.query(
    'INSERT INTO bench_history_passes SELECT ordinality - 1, id FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id)',
    [passIds],
  );
  await client.query(
    'CREATE TEMP TABLE bench_history_spaces (n integer PRIMARY KEY, id uuid NOT NULL, scanner_id uuid NOT NULL)',
  );
  await client.query(
    'INSERT INTO bench_history_spaces SELECT ordinality - 1, id, scanner FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS t(id, scanner)',
    [fixtures.spaces.map((space) => space.id), fixtures.spaces.map((space) => space.scannerId)],
  );
  await client.query('ANALYZE bench_history_passes');
}

/** Drops a table's indexes and primary key; returns the statements that recreate them as they were. */
async function dropIndexes(client: PoolClient, tables: string[]): Promise<Array<{ table: string; sql: string }>> {
  const { rows } = await client.query<Record<string, string>>(
    `SELECT t.relname AS table_name, i.relname AS index_name, pg_get_indexdef(i.oid) AS definition,
            con.conname AS constraint_name, pg_get_constraintdef(con.oid) AS constraint_definition
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       LEFT JOIN pg_constraint con ON con.conindid = i.oid AND con.contype IN ('p', 'u')
      WHERE n.nspname = 'network' AND t.relname = ANY($1)`,
    [tables],
  );
  const recreate: Array<{ table: string; sql: string }> = [];
  for (const row of rows) {
    if (row.constraint_name) {
      await client.query(`ALTER TABLE "${row.table_name}" DROP CONSTRAINT "${row.constraint_name}"`);
      recreate.push({
        table: row.table_name,
        sql: `ALTER TABLE "${row.table_name}" ADD CONSTRAINT "${row.constraint_name}" ${row.constraint_definition}`,
      });
    } else {
      await client.query(`DROP INDEX "${row.index_name}"`);
      recreate.push({ table: row.table_name, sql: row.definition });
    }
  }
  return recreate;
}
