import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext } from '../lib/context';
import { progress, sleep } from '../lib/log';
import type { Row, Target } from '../lib/report';
import { rssOf, RssSampler, startServer } from '../lib/server';
import { median, round } from '../lib/stats';
import { RSS_UNDER_LOAD } from './check-in';
import { checkInRun } from './check-in-load';
import type { Scenario } from './scenario';

const MB = 1024 * 1024;
const IDLE_SETTLE_MS = 5000;
const QUICK_IDLE_SETTLE_MS = 3000;

/**
 * Scenario 5: what `npm start` costs. The server process's resident memory idle and under the
 * check-in load, and its start-up time to a ready gateway: first start (new embedded database) and
 * second start (existing database), exactly as `npm start` runs (DATA_DIR, embedded PostgreSQL).
 */
export const footprintScenario: Scenario = {
  id: 'footprint',
  number: 5,
  title: 'Footprint of the one-process server (npm start)',
  async run(ctx: BenchContext) {
    const { options } = ctx;
    const rows: Row[] = [];
    const notes: string[] = [];

    // Under load: sampled during scenario 1's gateway runs at the highest concurrency, or measured now.
    let underLoad = ctx.shared.get(RSS_UNDER_LOAD) as number[] | undefined;
    const server = await ctx.server();
    if (!underLoad) {
      const concurrency = Math.max(...options.concurrencies);
      progress(`Check-in load at c=${concurrency} for ${options.durationSeconds} s, sampling the server's memory…`);
      const sampler = new RssSampler(server.pid);
      sampler.start();
      await checkInRun(ctx, server.gatewayUrl, concurrency, options.durationSeconds);
      underLoad = sampler.stop();
    }
    const afterLoad = rssOf(server.pid);
    rows.push({
      case: `RSS under check-in load (c=${Math.max(...options.concurrencies)}, via gateway)`,
      value: `median ${mb(median(underLoad))}, peak ${mb(Math.max(...underLoad))}`,
    });
    rows.push({ case: 'RSS idle after the load', value: mb(afterLoad) });
    // The rest measures starts: nothing else of ours runs meanwhile.
    await ctx.stopServer();

    // Directly in the system's temporary directory: as root, PostgreSQL runs as another user that must reach it.
    const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-bench-start-'));
    const removeDir = ctx.cleanup.add('npm start data directory', async () =>
      rmSync(dataDir, { recursive: true, force: true }),
    );
    const start = (label: string) =>
      startServer({ root: ctx.root, cleanup: ctx.cleanup, label, dataDir, poolSize: options.poolSize });

    progress('First start on a new data directory (initialises the embedded PostgreSQL, migrates)…');
    const first = await start('npm start (first start)');
    progress(`  ready in ${first.readySeconds.toFixed(2)} s`);
    await first.stop();

    const ready: number[] = [];
    const reported: number[] = [];
    const idle: number[] = [];
    const restarts = Math.max(options.runs, 1);
    for (let r = 1; r <= restarts; r += 1) {
      const second = await start(`npm start (restart ${r})`);
      ready.push(second.readySeconds);
      reported.push(second.reportedReadySeconds);
      await sleep(options.quick ? QUICK_IDLE_SETTLE_MS : IDLE_SETTLE_MS);
      const samples: number[] = [];
      for (let i = 0; i < 10; i += 1) {
        samples.push(second.rss());
        await sleep(100);
      }
      idle.push(median(samples));
      progress(
        `  restart ${r}/${restarts}: ready in ${second.readySeconds.toFixed(2)} s, idle RSS ${mb(median(samples))}`,
      );
      await second.stop();
    }
    await removeDir();

    rows.unshift(
      {
        case: `RSS idle (restart, ${(options.quick ? QUICK_IDLE_SETTLE_MS : IDLE_SETTLE_MS) / 1000} s after ready)`,
        value: `${mb(median(idle))} (runs: ${idle.map(mb).join(', ')})`,
      },
      { case: 'ready, first start (new embedded database)', value: `${first.readySeconds.toFixed(2)} s` },
      {
        case: 'ready, second start (existing database)',
        value: `${round(median(ready), 2).toFixed(2)} s (runs: ${ready.map((s) => s.toFixed(2)).join(', ')}; launcher says ${reported.join(', ')} s)`,
      },
    );
    notes.push(
      'RSS is the Node process alone (VmRSS): the embedded PostgreSQL runs in its own processes. Ready: from spawning ' +
        '`node dist/apps/launcher/src/main.js` (NODE_ENV=production, SEED_DEMO=false, DATA_DIR) to its "Ready" line.',
    );
    const targets: Target[] = [
      { name: 'idle RSS', goal: '< 350 MB', measured: mb(median(idle)), ok: median(idle) < 350 * MB },
      {
        name: 'ready on an existing database',
        goal: '< 10 s',
        measured: `${round(median(ready), 2).toFixed(2)} s`,
        ok: median(ready) < 10,
      },
    ];
    return { rows, targets, notes, details: { idleRss: idle, readySeconds: ready, underLoadRss: underLoad } };
  },
};

function mb(bytes: number): string {
  return `${Math.round(bytes / MB)} MB`;
}
