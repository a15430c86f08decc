import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Cleanup } from './lib/cleanup';
import { BenchContext, BenchOptions } from './lib/context';
import { provisionDatabase } from './lib/database';
import { elapsedSeconds, progress } from './lib/log';
import { describeMachine, gitRevision, packageVersions } from './lib/machine';
import { BenchReport, printReport, ScenarioResult, updateDocs, writeJson } from './lib/report';
import { LAUNCHER } from './lib/server';
import { SCENARIOS } from './scenarios';

const USAGE = `npm run bench [-- options]
  --quick            short runs (under two minutes): c=8 and 32, 3 s each, 1M visits of history
  --only=a,b         only these scenarios (${SCENARIOS.map((s) => s.id).join(', ')})
  --runs=N           repeats of each measurement (full 3, quick 1)
  --duration=S       seconds per measured run (full 10, quick 3)
  --concurrency=a,b  check-in concurrencies (full 1,8,32; quick 8,32)
  --history=N        visits of earlier months for the growth scenario (full 10000000, quick 1000000)
  --spaces=N         spaces the check-ins go round (64)
  --profile=DIR      CPU profile of the server under test (node --cpu-prof), written to DIR when it stops
Environment: BENCH_DATABASE_URL=postgres://… runs on that server (in a fresh passerelle_bench database)
instead of an embedded PostgreSQL; BENCH_POOL_SIZE sets the server's DATABASE_POOL_SIZE (10); BENCH_CASES=gateway,…
runs only those cases of scenario 1 (gateway, direct, floor, typename), e.g. to profile one.`;

function parseOptions(argv: string[]): BenchOptions {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unknown argument ${arg}\n\n${USAGE}`);
    flags.set(match[1], match[2] ?? 'true');
  }
  if (flags.has('help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const known = ['quick', 'only', 'runs', 'duration', 'concurrency', 'history', 'spaces', 'profile'];
  for (const name of flags.keys()) if (!known.includes(name)) throw new Error(`Unknown option --${name}\n\n${USAGE}`);
  const quick = flags.get('quick') === 'true';
  const number = (name: string, fallback: number) => {
    const value = flags.has(name) ? Number(flags.get(name)) : fallback;
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
    return value;
  };
  const list = (name: string, fallback: number[]) =>
    flags.has(name) ? flags.get(name)!.split(',').map(Number) : fallback;
  const only = flags.has('only') ? flags.get('only')!.split(',') : [];
  for (const id of only) {
    if (!SCENARIOS.some((scenario) => scenario.id === id)) throw new Error(`No scenario "${id}"\n\n${USAGE}`);
  }
  return {
    quick,
    durationSeconds: number('duration', quick ? 3 : 10),
    warmupSeconds: quick ? 1 : 2,
    runs: number('runs', quick ? 1 : 3),
    concurrencies: list('concurrency', quick ? [8, 32] : [1, 8, 32]),
    historyVisits: number('history', quick ? 1_000_000 : 10_000_000),
    spaces: number('spaces', 64),
    poolSize: Number(process.env.BENCH_POOL_SIZE ?? 10),
    only,
    profileDir: flags.has('profile') ? resolve(flags.get('profile')!) : undefined,
  };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const root = resolve(__dirname, '..');
  if (!existsSync(join(root, LAUNCHER))) throw new Error(`${LAUNCHER} is missing: run npm run build first.`);
  const startedAt = new Date();
  const cleanup = new Cleanup();
  let interrupted = false;
  const onSignal = (signal: string) => {
    if (interrupted) {
      cleanup.killChildrenNow();
      process.exit(130);
    }
    interrupted = true;
    progress(`${signal}: stopping everything the benchmark started…`);
    void cleanup.runAll().finally(() => process.exit(130));
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('exit', () => cleanup.killChildrenNow());

  const machine = describeMachine();
  progress(
    `Passerelle benchmark (${options.quick ? 'quick' : 'full'}) on ${machine.cpu}, ${machine.cores} cores, ` +
      `${machine.memoryGiB} GiB, ${machine.os}`,
  );
  const results: ScenarioResult[] = [];
  let failures = 0;
  try {
    const tmpDir = mkdtempSync(join(tmpdir(), 'passerelle-bench-'));
    cleanup.add('temporary directory', async () => rmSync(tmpDir, { recursive: true, force: true }));
    const db = await provisionDatabase(cleanup);
    progress(`PostgreSQL ${db.serverVersion} (${db.kind})`);
    const ctx = new BenchContext(options, root, db, cleanup, tmpDir);
    const selected = SCENARIOS.filter((scenario) => options.only.length === 0 || options.only.includes(scenario.id));
    for (const scenario of selected) {
      progress(`Scenario ${scenario.number}: ${scenario.title}`);
      const header = { id: scenario.id, number: scenario.number, title: scenario.title };
      try {
        results.push({ ...header, ...(await scenario.run(ctx)) });
      } catch (error) {
        failures += 1;
        const message = error instanceof Error ? error.message : String(error);
        progress(`Scenario ${scenario.number} failed: ${message}`);
        results.push({ ...header, rows: [], targets: [], notes: [`Failed: ${message.split('\n')[0]}`], failed: true });
      }
    }

    results.sort((a, b) => a.number - b.number);
    const date = startedAt.toISOString().slice(0, 10);
    const report: BenchReport = {
      date,
      mode: options.quick ? 'quick' : 'full',
      startedAt: startedAt.toISOString(),
      durationSeconds: Math.round(elapsedSeconds()),
      revision: gitRevision(root),
      machine,
      versions: {
        node: process.version,
        postgres: db.serverVersion,
        postgresKind: db.kind === 'embedded' ? 'embedded, default settings' : 'BENCH_DATABASE_URL',
        postgresSettings: db.settings,
      },
      packages: packageVersions(root),
      settings: {
        durationSeconds: options.durationSeconds,
        runs: options.runs,
        concurrencies: options.concurrencies,
        historyVisits: options.historyVisits,
        spaces: options.spaces,
        poolSize: options.poolSize,
      },
      scenarios: results,
    };
    printReport(report);
    const jsonPath = join(root, 'bench', 'results', `${date}.json`);
    if (options.only.length > 0) {
      // A partial run is kept apart, and leaves the documented figures alone.
      writeJson(jsonPath, report, `${report.mode}:${options.only.join('+')}`);
      progress(`Wrote bench/results/${date}.json (partial run: docs/benchmarks.md left as it was).`);
    } else {
      writeJson(jsonPath, report);
      updateDocs(join(root, 'docs', 'benchmarks.md'), report);
      progress(`Wrote bench/results/${date}.json and docs/benchmarks.md (${report.mode} section).`);
    }
  } finally {
    await cleanup.runAll();
  }
  progress(failures ? `Done, with ${failures} failed scenario(s).` : 'Done.');
  return failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
