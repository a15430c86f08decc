import type { Histogram } from 'hdr-histogram-js';
import type { BenchContext } from '../lib/context';
import type { Fixtures } from '../lib/fixtures';
import { classifyGraphQL, httpLoad } from '../lib/http-load';
import { progress } from '../lib/log';
import type { Row } from '../lib/report';
import { latencyOf, median, mergeHistograms, round } from '../lib/stats';

/** What a front-desk scanner sends for a scan: the decision and its sentence. */
export const CHECK_IN = `mutation CheckIn($input: CheckInInput!) { checkIn(input: $input) { status reason message repeat } }`;

/** One measured run of any kind: rate, latencies, and what every response said. */
export interface Measured {
  concurrency: number;
  rate: number;
  completed: number;
  latency: Histogram;
  outcomes: Record<string, number>;
}

let sequence = 0;

/**
 * Check-ins over HTTP (gateway or network subgraph): every request a new visit, with a pass never
 * scanned before, at the next of the spaces in turn, with that space's scanner token and a new
 * idempotency key.
 */
export async function checkInRun(
  ctx: BenchContext,
  url: string,
  concurrency: number,
  durationSeconds: number,
): Promise<Measured> {
  const fixtures = await ctx.fixtures();
  const key = `rate:${url}`;
  const expected = Math.max((ctx.shared.get(key) as number | undefined) ?? 1500, 300) * 1.5;
  await fixtures.credentials.ensure(Math.ceil(expected * durationSeconds) + concurrency * 2);
  const before = { signed: fixtures.credentials.signedDuringLoad, reused: fixtures.credentials.reused };
  const run = (sequence += 1);
  let n = 0;
  const result = await httpLoad({
    url,
    concurrency,
    durationSeconds,
    next: () => nextCheckIn(fixtures, `bench-${run}-${(n += 1)}`, n),
    classify: classifyGraphQL,
  });
  const signed = fixtures.credentials.signedDuringLoad - before.signed;
  const reused = fixtures.credentials.reused - before.reused;
  if (signed > 0) progress(`  (${signed} credentials had to be signed during the run)`);
  if (reused > 0) result.outcomes['credential reused (pool empty)'] = reused;
  ctx.shared.set(key, Math.max(result.rate, (ctx.shared.get(key) as number | undefined) ?? 0));
  return result;
}

function nextCheckIn(fixtures: Fixtures, idempotencyKey: string, n: number) {
  const space = fixtures.spaces[n % fixtures.spaces.length];
  const { token } = fixtures.credentials.take();
  return {
    body: JSON.stringify({
      query: CHECK_IN,
      variables: { input: { spaceId: space.id, credential: token, idempotencyKey } },
    }),
    headers: { authorization: `Bearer ${space.scannerToken}` },
  };
}

/** One progress line per run. */
export function describeRun(label: string, run: Measured): string {
  const latency = latencyOf(run.latency);
  const others = Object.entries(run.outcomes)
    .filter(([outcome]) => outcome !== 'accepted')
    .map(([outcome, count]) => `${count} ${outcome}`);
  return (
    `  ${label} c=${run.concurrency}: ${Math.round(run.rate)}/s, p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms` +
    (others.length ? ` — NOT ACCEPTED: ${others.join(', ')}` : '')
  );
}

/** The repeated runs of one case as a table row: median rate, percentiles over all requests. */
export function rowOf(label: string, runs: Measured[], unit = 'req/s', expected = 'accepted'): Row {
  const latency = latencyOf(mergeHistograms(runs.map((run) => run.latency)));
  const outcomes: Record<string, number> = {};
  for (const run of runs) {
    for (const [outcome, count] of Object.entries(run.outcomes)) outcomes[outcome] = (outcomes[outcome] ?? 0) + count;
  }
  const total = Object.values(outcomes).reduce((sum, count) => sum + count, 0);
  return {
    case: label,
    concurrency: runs[0]?.concurrency,
    rate: round(median(runs.map((run) => run.rate)), 1),
    rateRuns: runs.map((run) => round(run.rate, 1)),
    unit,
    p50Ms: latency.p50Ms,
    p99Ms: latency.p99Ms,
    notAccepted: total - (outcomes[expected] ?? 0),
    outcomes,
  };
}
