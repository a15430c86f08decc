import { dataOf, postGraphQL } from '@passerelle/graphql';
import type { Pool, PoolClient } from 'pg';
import type { BenchContext } from '../lib/context';
import { progress } from '../lib/log';
import type { Row, Target } from '../lib/report';
import { median, round } from '../lib/stats';
import type { Scenario } from './scenario';
import { verifiedSignUp } from '../lib/sign-up';

/**
 * Scenario 3, the month: one network of 200 spaces and 20,000 passes with a month of visits generated
 * in SQL (not through the API), then the settlement of that month through the gateway — live while
 * open, the close, and frozen — against its floor: the bare GROUP BY over the same charges.
 */
export interface MonthOptions {
  gatewayUrl: string;
  /** Connections to the bench database (any search_path: every statement here names its schema). */
  pool: Pool;
  visits: number;
  runs: number;
}

export interface Timing {
  runs: number;
  medianMs: number;
  p99Ms: number;
}

export interface MonthResult {
  visits: number;
  charges: number;
  obligations: number;
  loadSeconds: number;
  floor: Timing;
  live: Timing;
  liveWithObligations: Timing;
  closeMs: number;
  frozen: Timing;
  frozenWithObligations: Timing;
  ratios: { liveToFloor: number; closeToFloor: number };
}

const SPACES = 200;
const PASSES = 20_000;
const ORGANIZATIONS = 5;
/** A month that is over, so that it may be closed. */
const MONTH = '2025-06';

const REGISTER_NETWORK = `mutation ($input: RegisterNetworkInput!) { registerNetwork(input: $input) { id } }`;
const SUMMARY = `visitCount grossCents status
  statements { party { id kind name } hostedVisits receivableCents paidVisits payableCents netCents }
  transfers { from { id name } to { id name } amountCents }`;
const OBLIGATIONS = `obligations { payer { id name } payee { id name } visits amountCents }`;
const period = (fields: string) => `query ($networkId: ID!, $month: String!) {
  period(networkId: $networkId, month: $month) { ${fields} } }`;
const CLOSE = `mutation ($networkId: ID!, $month: String!) { closePeriod(networkId: $networkId, month: $month) { status } }`;

export async function runMonth(options: MonthOptions): Promise<MonthResult> {
  const { pool } = options;
  const call = async <T>(query: string, variables: Record<string, unknown>, token?: string) =>
    dataOf(await postGraphQL<T>(options.gatewayUrl, query, variables, token));
  const signUp = await verifiedSignUp(options.gatewayUrl, {
    email: 'month-admin@bench.example',
    password: 'bench-password-not-secret',
    displayName: 'Month admin',
  });
  const token = signUp.accessToken;
  const { registerNetwork } = await call<{ registerNetwork: { id: string } }>(
    REGISTER_NETWORK,
    { input: { slug: 'bench-month', name: 'Bench month', timezone: 'Europe/Paris' } },
    token,
  );
  const networkId = registerNetwork.id;

  progress(
    `The month: generating ${options.visits.toLocaleString('en')} visits of ${PASSES.toLocaleString('en')} passes at ${SPACES} spaces in SQL…`,
  );
  const loadStarted = Date.now();
  // Temporary tables live in one connection: the generation holds one client throughout.
  const client = await pool.connect();
  try {
    await generateMonth(client, networkId, signUp.user.id, options.visits);
  } finally {
    client.release();
  }
  const loadSeconds = round((Date.now() - loadStarted) / 1000, 1);
  const { rows: counted } = await pool.query<{ charges: number; obligations: number }>(
    `SELECT count(*)::int AS charges,
            (SELECT count(*)::int FROM (SELECT DISTINCT payer_kind, payer_id, host_space_id FROM settlement.charges
              WHERE network_id = $1 AND period_month = $2) pairs) AS obligations
       FROM settlement.charges WHERE network_id = $1 AND period_month = $2`,
    [networkId, MONTH],
  );
  progress(
    `  loaded in ${loadSeconds} s: ${counted[0].charges.toLocaleString('en')} charges, ${counted[0].obligations.toLocaleString('en')} payer–payee pairs`,
  );

  const variables = { networkId, month: MONTH };
  const timeIt = async (what: string, work: () => Promise<unknown>): Promise<Timing> => {
    await work(); // warm-up: plans cached, pages in memory
    const samples: number[] = [];
    for (let run = 0; run < options.runs; run += 1) {
      const started = performance.now();
      await work();
      samples.push(performance.now() - started);
    }
    const timing = summarize(samples);
    progress(`  ${what}: median ${timing.medianMs} ms, p99 ${timing.p99Ms} ms over ${timing.runs} runs`);
    return timing;
  };

  const floor = await timeIt('floor, the bare GROUP BY', () =>
    pool.query(
      `SELECT payer_kind, payer_id, host_space_id, sum(visits), sum(amount_cents) FROM settlement.charges
        WHERE network_id = $1 AND period_month = $2 GROUP BY payer_kind, payer_id, host_space_id`,
      [networkId, MONTH],
    ),
  );
  const live = await timeIt('live period (totals, statements, transfers)', () =>
    call(period(SUMMARY), variables, token),
  );
  const liveWithObligations = await timeIt('live period with every obligation', () =>
    call(period(`${SUMMARY} ${OBLIGATIONS}`), variables, token),
  );
  const closeStarted = performance.now();
  await call(CLOSE, variables, token);
  const closeMs = round(performance.now() - closeStarted, 1);
  progress(`  closePeriod: ${closeMs} ms`);
  const frozen = await timeIt('frozen period (totals, statements, transfers)', () =>
    call(period(SUMMARY), variables, token),
  );
  const frozenWithObligations = await timeIt('frozen period with every obligation', () =>
    call(period(`${SUMMARY} ${OBLIGATIONS}`), variables, token),
  );
  return {
    visits: options.visits,
    charges: counted[0].charges,
    obligations: counted[0].obligations,
    loadSeconds,
    floor,
    live,
    liveWithObligations,
    closeMs,
    frozen,
    frozenWithObligations,
    ratios: { liveToFloor: round(live.medianMs / floor.medianMs, 2), closeToFloor: round(closeMs / floor.medianMs, 2) },
  };
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
  return { runs: samples.length, medianMs: round(median(samples), 1), p99Ms: round(p99, 1) };
}

/**
 * The registry rows (spaces, memberships, organizations) and the settlement rows the visit stream would
 * have written for `visits` visits: pass p of 20,000 is a coupon book of a seller space (60 %), a credit
 * pass of the network (20 %), a convention of a home space (10 %) or a corporate pass (10 %); visit i
 * is hosted by one of the 200 spaces; a visit at its own payer's space costs nothing.
 */
async function generateMonth(pool: PoolClient, networkId: string, adminId: string, visits: number): Promise<void> {
  await pool.query(
    `INSERT INTO network.spaces (slug, name, city, country, timezone)
     SELECT 'bench-space-' || n, 'Espace ' || lpad(n::text, 3, '0'), 'Toulouse', 'FR', 'Europe/Paris'
       FROM generate_series(1, $1) AS n`,
    [SPACES],
  );
  await pool.query(
    `INSERT INTO network.memberships (network_id, space_id, status, credits_per_day, joined_at)
     SELECT $1, id, 'ACTIVE', 1, now() FROM network.spaces WHERE slug LIKE 'bench-space-%'`,
    [networkId],
  );
  await pool.query(
    `INSERT INTO network.organizations (network_id, name, created_by)
     SELECT $1, 'Entreprise ' || n, $2 FROM generate_series(1, $3) AS n`,
    [networkId, adminId, ORGANIZATIONS],
  );
  await pool.query(
    `CREATE TEMP TABLE bench_spaces AS
       SELECT (row_number() OVER (ORDER BY slug) - 1)::int AS n, id FROM network.spaces WHERE slug LIKE 'bench-space-%';
     CREATE TEMP TABLE bench_organizations AS
       SELECT (row_number() OVER (ORDER BY name) - 1)::int AS n, id FROM network.organizations WHERE network_id = '${networkId}';
     CREATE TEMP TABLE bench_visits AS
       SELECT gen_random_uuid() AS visit_id, host.id AS host_space_id,
              CASE WHEN v.p % 10 < 6 THEN 'SPACE' WHEN v.p % 10 < 8 THEN 'NETWORK' WHEN v.p % 10 = 8 THEN 'SPACE'
                   ELSE 'ORGANIZATION' END AS payer_kind,
              CASE WHEN v.p % 10 < 6 THEN seller.id WHEN v.p % 10 < 8 THEN '${networkId}'::uuid
                   WHEN v.p % 10 = 8 THEN home.id ELSE org.id END AS payer_id,
              CASE WHEN v.p % 10 < 6 THEN 1200 WHEN v.p % 10 < 8 THEN 700 WHEN v.p % 10 = 8 THEN 1000 ELSE 1500 END
                AS unit_cents
         FROM (SELECT i, i % ${PASSES} AS p FROM generate_series(1, ${visits}) AS i) v
         JOIN bench_spaces host ON host.n = (v.i * 31 + v.i / ${PASSES}) % ${SPACES}
         JOIN bench_spaces seller ON seller.n = v.p % ${SPACES}
         JOIN bench_spaces home ON home.n = (v.p * 7) % ${SPACES}
         JOIN bench_organizations org ON org.n = v.p % ${ORGANIZATIONS};`,
  );
  await pool.query(
    `INSERT INTO settlement.settled_visits
       (visit_id, network_id, host_space_id, payer_kind, payer_id, amount_cents, network_month, period_month)
     SELECT visit_id, $1, host_space_id, payer_kind, payer_id,
            CASE WHEN payer_id = host_space_id THEN 0 ELSE unit_cents END, $2, $2
       FROM bench_visits`,
    [networkId, MONTH],
  );
  await pool.query(
    `INSERT INTO settlement.charges
       (network_id, period_month, visit_id, host_space_id, payer_kind, payer_id, visits, amount_cents)
     SELECT $1, $2, visit_id, host_space_id, payer_kind, payer_id, 1, unit_cents
       FROM bench_visits WHERE payer_id <> host_space_id`,
    [networkId, MONTH],
  );
  await pool.query('DROP TABLE bench_visits, bench_spaces, bench_organizations');
  await pool.query('ANALYZE settlement.charges, settlement.settled_visits');
}

/** Quick mode loads a tenth of the month: the loading alone of a million visits takes half a minute. */
export const monthScenario: Scenario = {
  id: 'month',
  number: 3,
  title: 'The month: settlement of one network month, via gateway',
  async run(ctx: BenchContext) {
    const server = await ctx.server();
    const visits = ctx.options.quick ? 100_000 : 1_000_000;
    const result = await runMonth({
      gatewayUrl: server.gatewayUrl,
      pool: ctx.db.pool,
      visits,
      runs: ctx.options.quick ? 3 : 7,
    });
    const row = (label: string, timing: Timing): Row => ({ case: label, p50Ms: timing.medianMs, p99Ms: timing.p99Ms });
    const rows: Row[] = [
      row('floor: the bare GROUP BY over the charges (pg)', result.floor),
      {
        ...row('period, live (totals, statements, transfers)', result.live),
        value: `${result.ratios.liveToFloor}× floor`,
      },
      row('period, live, with every obligation', result.liveWithObligations),
      { case: 'closePeriod', value: `${result.closeMs} ms (${result.ratios.closeToFloor}× floor)` },
      row('period, frozen (totals, statements, transfers)', result.frozen),
      row('period, frozen, with every obligation', result.frozenWithObligations),
    ];
    const full = visits === 1_000_000;
    const targets: Target[] = full
      ? [
          {
            name: 'live period, 1M visits',
            goal: '< 1,500 ms',
            measured: `${result.live.medianMs} ms`,
            ok: result.live.medianMs < 1500,
          },
          {
            name: 'closePeriod, 1M visits',
            goal: '< 5,000 ms',
            measured: `${result.closeMs} ms`,
            ok: result.closeMs < 5000,
          },
          {
            name: 'frozen period',
            goal: '< 100 ms',
            measured: `${result.frozen.medianMs} ms`,
            ok: result.frozen.medianMs < 100,
          },
          {
            name: 'live period / bare GROUP BY',
            goal: '≤ 3×',
            measured: `${result.ratios.liveToFloor}×`,
            ok: result.ratios.liveToFloor <= 3,
          },
        ]
      : [];
    return {
      rows,
      targets,
      notes: [
        `${result.visits.toLocaleString('en')} visits (${result.charges.toLocaleString('en')} charges, ${result.obligations.toLocaleString('en')} payer–payee pairs) of 20,000 passes at 200 spaces, generated in SQL in ${result.loadSeconds} s.` +
          (full ? '' : ' Quick mode: a tenth of the month, so no target is judged.'),
        'Times are per request, median and p99 over the runs; obligations are listed separately because a dense network has thousands of pairs.',
      ],
      details: result,
    };
  },
};
