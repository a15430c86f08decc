import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Cleanup } from './cleanup';
import { BenchDatabase } from './database';
import { Fixtures, setUpFixtures } from './fixtures';
import { progress } from './log';
import { RunningServer, startServer } from './server';

export interface BenchOptions {
  quick: boolean;
  /** Seconds each measured run lasts. */
  durationSeconds: number;
  warmupSeconds: number;
  /** How many times each measurement is repeated. */
  runs: number;
  concurrencies: number[];
  /** Visits of earlier months inserted for the growth scenario. */
  historyVisits: number;
  /** Spaces the check-ins go round (each with its own scanner and seat counter). */
  spaces: number;
  /** DATABASE_POOL_SIZE of the server under test (its default when unset), also the floor's pool. */
  poolSize: number;
  /** Scenario ids to run; all when empty. */
  only: string[];
  /** Writes a CPU profile of the server under test (node --cpu-prof) into this directory. */
  profileDir?: string;
}

/** What scenarios share: the database, the server under test and its data, started on first use. */
export class BenchContext {
  /** Figures one scenario leaves for another (the server's memory under load, rates seen so far). */
  readonly shared = new Map<string, unknown>();
  private running?: Promise<RunningServer>;
  private fixturesPromise?: Promise<Fixtures>;

  constructor(
    readonly options: BenchOptions,
    readonly root: string,
    readonly db: BenchDatabase,
    readonly cleanup: Cleanup,
    readonly tmpDir: string,
  ) {}

  /** The one-process server on the bench database (DATABASE_URL), as `npm start` runs it. */
  server(): Promise<RunningServer> {
    if (!this.running) {
      const dataDir = join(this.tmpDir, 'server-data');
      mkdirSync(dataDir, { recursive: true });
      progress('Starting the server under test (node dist/apps/launcher/src/main.js, NODE_ENV=production)…');
      this.running = startServer({
        root: this.root,
        cleanup: this.cleanup,
        label: 'the server under test',
        databaseUrl: this.db.url,
        dataDir,
        poolSize: this.options.poolSize,
        nodeArgs: this.options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${this.options.profileDir}`] : [],
      }).then((server) => {
        progress(`Server ready in ${server.readySeconds.toFixed(1)} s at ${server.gatewayUrl} (pid ${server.pid})`);
        return server;
      });
      this.running.catch(() => (this.running = undefined));
    }
    return this.running;
  }

  async stopServer(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    this.fixturesPromise = undefined;
    if (running) await (await running).stop();
  }

  fixtures(): Promise<Fixtures> {
    if (!this.fixturesPromise) {
      this.fixturesPromise = this.server().then((server) =>
        setUpFixtures(server.gatewayUrl, this.db.pool, this.options.spaces),
      );
      this.fixturesPromise.catch(() => (this.fixturesPromise = undefined));
    }
    return this.fixturesPromise;
  }
}
