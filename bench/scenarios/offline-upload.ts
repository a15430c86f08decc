import type { BenchContext } from '../lib/context';
import { progress, sleep } from '../lib/log';
import { waitUntilQuiet } from '../lib/quiet';
import type { Row, Target } from '../lib/report';
import { newHistogram, recordMs, round } from '../lib/stats';
import { describeRun, Measured, rowOf } from './check-in-load';
import type { Scenario } from './scenario';

const SYNC = `mutation SyncCheckIns($input: [CheckInInput!]!) { syncCheckIns(input: $input) { status reason repeat } }`;
export const BATCH = 500;

/**
 * Scenario 2: offline scanners uploading what they scanned, 500 scans per syncCheckIns call, each a
 * new visit. One scanner uploading, then several at once (each of its own space).
 */
export const offlineUploadScenario: Scenario = {
  id: 'offline-upload',
  number: 2,
  title: `Offline upload: syncCheckIns, ${BATCH} scans per call, via gateway`,
  async run(ctx: BenchContext) {
    const { options } = ctx;
    const server = await ctx.server();
    const fixtures = await ctx.fixtures();
    const concurrencies = [1, 4];
    let expected = 600;
    let call = 0;

    const measure = async (concurrency: number, seconds: number): Promise<Measured> => {
      await fixtures.credentials.ensure(Math.ceil(expected * 1.5 * seconds) + concurrency * BATCH * 2);
      const latency = newHistogram();
      const outcomes: Record<string, number> = {};
      const count = (outcome: string, n = 1) => (outcomes[outcome] = (outcomes[outcome] ?? 0) + n);
      const started = Date.now();
      const deadline = started + seconds * 1000;
      let lastDone = started;
      let scans = 0;
      const worker = async () => {
        while (Date.now() < deadline) {
          const id = (call += 1);
          const space = fixtures.spaces[id % fixtures.spaces.length];
          // Scanned offline a little earlier today, uploaded now.
          const occurredAt = new Date(Date.now() - 10 * 60_000).toISOString();
          const input = Array.from({ length: BATCH }, (_, i) => ({
            spaceId: space.id,
            credential: fixtures.credentials.take().token,
            idempotencyKey: `sync-${started}-${id}-${i}`,
            occurredAt,
          }));
          const body = JSON.stringify({ query: SYNC, variables: { input } });
          const t0 = process.hrtime.bigint();
          const response = await fetch(server.gatewayUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${space.scannerToken}` },
            body,
          });
          const text = await response.text();
          recordMs(latency, Number(process.hrtime.bigint() - t0) / 1e6);
          lastDone = Date.now();
          const parsed = JSON.parse(text) as {
            data?: { syncCheckIns: Array<{ status: string; reason: string | null; repeat: boolean }> };
            errors?: Array<{ message: string }>;
          };
          if (!parsed.data) {
            count(`error ${parsed.errors?.[0]?.message.slice(0, 60) ?? response.status}`, BATCH);
            continue;
          }
          for (const result of parsed.data.syncCheckIns) {
            count(result.status === 'ACCEPTED' ? (result.repeat ? 'repeat' : 'accepted') : `rejected ${result.reason}`);
          }
          scans += parsed.data.syncCheckIns.length;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      const elapsed = (lastDone - started) / 1000;
      const rate = scans / elapsed;
      expected = Math.max(expected, rate);
      return { concurrency, rate, completed: scans, latency, outcomes };
    };

    progress(`Warming up (one upload)…`);
    await measure(1, 0.1);
    await waitUntilQuiet(ctx.db.pool);
    const runs = new Map<number, Measured[]>();
    for (let r = 1; r <= options.runs; r += 1) {
      for (const concurrency of concurrencies) {
        // Quick: a single call per scanner (one call already lasts seconds).
        const run = await measure(concurrency, options.quick ? 0.5 : options.durationSeconds);
        progress(describeRun(`run ${r}/${options.runs} scans`, run).replace('/s,', ' scans/s, call'));
        runs.set(concurrency, [...(runs.get(concurrency) ?? []), run]);
        await waitUntilQuiet(ctx.db.pool);
        await sleep(300);
      }
    }
    const rows: Row[] = concurrencies.map((concurrency) => ({
      ...rowOf(`syncCheckIns × ${BATCH} (latency per call)`, runs.get(concurrency)!, 'scans/s'),
      value: concurrency === 1 ? 'one scanner uploading' : `${concurrency} scanners at once`,
    }));
    const single = rows[0];
    const best = rows.reduce((a, b) => (b.rate! > a.rate! ? b : a));
    const targets: Target[] = [
      {
        name: 'syncCheckIns, one upload at a time',
        goal: '≥ 3,000 scans/s',
        measured: `${Math.round(single.rate!)} scans/s`,
        ok: single.rate! >= 3000,
      },
    ];
    const notes = [
      `Scans are new visits (a new pass each, occurredAt ten minutes ago); ${options.quick ? 'quick: one call per scanner; ' : ''}scans/s counts the scans of the calls that ` +
        `completed, over the time to the last answer. Best: ${Math.round(best.rate!)} scans/s at c=${best.concurrency} ` +
        `(${round(best.rate! / single.rate!, 2)}× one upload).`,
    ];
    return { rows, targets, notes };
  },
};
