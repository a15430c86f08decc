import { sqlFloor } from '../lib/check-in-sql';
import type { BenchContext } from '../lib/context';
import { classifyGraphQL, httpLoad } from '../lib/http-load';
import { progress, sleep } from '../lib/log';
import type { Row, Target } from '../lib/report';
import { waitUntilQuiet } from '../lib/quiet';
import { RssSampler } from '../lib/server';
import { round } from '../lib/stats';
import { checkInRun, describeRun, Measured, rowOf } from './check-in-load';
import type { Scenario } from './scenario';

type Case = 'gateway' | 'direct' | 'floor' | 'typename';
const LABELS: Record<Case, string> = {
  gateway: 'check-in via gateway',
  direct: 'check-in direct to network subgraph',
  floor: 'SQL floor (plain pg, same statements)',
  typename: '{ __typename } via gateway',
};
const ALL_CASES: Case[] = ['gateway', 'direct', 'floor', 'typename'];
/** BENCH_CASES narrows the cases, to profile one of them alone (then no ratio or target is reported). */
const CASES = casesToRun(process.env.BENCH_CASES);

function casesToRun(list: string | undefined): Case[] {
  if (!list) return ALL_CASES;
  const names = list.split(',');
  const unknown = names.filter((name) => !ALL_CASES.includes(name as Case));
  if (unknown.length) throw new Error(`BENCH_CASES: no case ${unknown.join(', ')} (cases: ${ALL_CASES.join(', ')})`);
  return ALL_CASES.filter((kind) => names.includes(kind));
}
export const RSS_UNDER_LOAD = 'rssUnderLoad';

/**
 * Scenario 1: the full accept path of a QR check-in, through the gateway, straight to the network
 * subgraph, and as bare SQL (the floor), with the gateway's own cost ({ __typename }) beside them.
 */
export const checkInScenario: Scenario = {
  id: 'check-in',
  number: 1,
  title: 'Check-in, full accept path (every request a new visit)',
  async run(ctx: BenchContext) {
    const { options } = ctx;
    const server = await ctx.server();
    const fixtures = await ctx.fixtures();
    const floorPool = ctx.db.newPool({ max: options.poolSize, application_name: 'passerelle-bench-floor' });
    const releasePool = ctx.cleanup.add('floor connections', () => floorPool.end());
    const runs = new Map<string, Measured[]>();
    const rssSamples: number[] = [];
    const top = Math.max(...options.concurrencies);
    let floorRate = 3000;
    let quietMs = 0;

    const measure = async (kind: Case, concurrency: number, seconds: number): Promise<Measured> => {
      switch (kind) {
        case 'gateway':
          return checkInRun(ctx, server.gatewayUrl, concurrency, seconds);
        case 'direct':
          return checkInRun(ctx, server.networkUrl, concurrency, seconds);
        case 'typename':
          return httpLoad({
            url: server.gatewayUrl,
            concurrency,
            durationSeconds: seconds,
            next: { body: JSON.stringify({ query: '{ __typename }' }), headers: {} },
            classify: (status, body) =>
              status === 200 && body.includes('"__typename":"Query"') ? 'accepted' : classifyGraphQL(status, body),
          });
        case 'floor': {
          const passIds = await fixtures.allocatePasses(Math.ceil(floorRate * 2 * seconds) + concurrency);
          const run = await sqlFloor(floorPool, fixtures, passIds, concurrency, seconds, `floor-${Date.now()}`);
          floorRate = Math.max(floorRate, run.rate);
          return run;
        }
      }
    };

    try {
      progress(`Warming up (${options.warmupSeconds} s per case at c=8)…`);
      for (const kind of CASES) await measure(kind, 8, options.warmupSeconds);
      await waitUntilQuiet(ctx.db.pool);
      // Runs interleave the cases, so that a drift (a growing table, a busy neighbour) touches them alike.
      for (let r = 1; r <= options.runs; r += 1) {
        for (const concurrency of options.concurrencies) {
          for (const kind of CASES) {
            const sampler = kind === 'gateway' && concurrency === top ? new RssSampler(server.pid) : undefined;
            sampler?.start();
            const run = await measure(kind, concurrency, options.durationSeconds);
            if (sampler) rssSamples.push(...sampler.stop());
            progress(describeRun(`run ${r}/${options.runs} ${kind}`, run));
            const key = `${kind}:${concurrency}`;
            runs.set(key, [...(runs.get(key) ?? []), run]);
            quietMs += await waitUntilQuiet(ctx.db.pool);
            await sleep(300);
          }
        }
      }
    } finally {
      await releasePool();
    }
    if (rssSamples.length) ctx.shared.set(RSS_UNDER_LOAD, rssSamples);

    const rows: Row[] = [];
    const targets: Target[] = [];
    const notes: string[] = [];
    for (const concurrency of options.concurrencies) {
      const of = (kind: Case) => rowOf(LABELS[kind], runs.get(`${kind}:${concurrency}`) ?? []);
      if (CASES.length < ALL_CASES.length) {
        rows.push(...CASES.map(of));
        continue;
      }
      const [gateway, direct, floor, typename] = ALL_CASES.map(of);
      const toDirect = gateway.rate! / direct.rate!;
      const toFloor = gateway.rate! / floor.rate!;
      gateway.value = `gw/direct ${round(toDirect, 2)}, gw/SQL ${round(toFloor, 2)}`;
      direct.value = `direct/SQL ${round(direct.rate! / floor.rate!, 2)}`;
      rows.push(gateway, direct, floor, typename);
      if (concurrency === top) {
        targets.push(
          {
            name: `check-in via gateway, c=${top}`,
            goal: '≥ 600/s, p99 < 100 ms',
            measured: `${Math.round(gateway.rate!)}/s, p99 ${gateway.p99Ms} ms`,
            ok: gateway.rate! >= 600 && gateway.p99Ms! < 100,
          },
          {
            name: `gateway / direct, c=${top}`,
            goal: '≥ 0.60',
            measured: round(toDirect, 2).toFixed(2),
            ok: toDirect >= 0.6,
          },
        );
      }
    }
    const notAccepted = rows.reduce((sum, row) => sum + (row.notAccepted ?? 0), 0);
    notes.push(
      notAccepted === 0
        ? 'Every response was the expected one (a new ACCEPTED visit; Query for { __typename }).'
        : `${notAccepted} responses were NOT the expected result: see "not accepted" and the JSON's outcomes.`,
      `${fixtures.spaces.length} spaces in turn, each with its own scanner; a new pass (coupon book, printed QR) per request; ` +
        `the floor runs on ${options.poolSize} connections, the server's pool size.`,
      'Throughput: median of the runs (lowest–highest); p50/p99: over every request of all runs.',
      `Between runs the bench waits for the settlement subgraph (same process) to consume the visit events of the ` +
        `previous run (${round(quietMs / 1000, 1)} s in all), so that no run pays for another's.`,
    );
    return { rows, targets, notes };
  },
};
