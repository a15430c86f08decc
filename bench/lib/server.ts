import { randomBytes } from 'node:crypto';
import { freePort } from '@passerelle/database';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cleanup, withTimeout } from './cleanup';
import { progress } from './log';

/** The one-process server (`npm start`, built), running as a child process under test. */
export interface RunningServer {
  pid: number;
  gatewayUrl: string;
  /** The network subgraph's own GraphQL endpoint (explicit ports make it known). */
  networkUrl: string;
  /** From spawning the process to the launcher's "Ready" line, in seconds. */
  readySeconds: number;
  /** What the launcher itself printed ("Ready in X s"). */
  reportedReadySeconds: number;
  /** Resident set size of the server process, in bytes. */
  rss(): number;
  output(): string[];
  stop(): Promise<void>;
}

export interface ServerOptions {
  root: string;
  cleanup: Cleanup;
  label: string;
  /** DATABASE_URL for an existing server, or DATA_DIR to let the launcher start its embedded one. */
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  timeoutMs?: number;
  /** Extra node flags for the server (e.g. --cpu-prof). */
  nodeArgs?: string[];
}

export const LAUNCHER = join('dist', 'apps', 'launcher', 'src', 'main.js');

// Everything the launcher reads from the environment is set here, never inherited by accident.
const CONFIG_VARIABLES = [
  'NODE_ENV',
  'LOG_LEVEL',
  'PORT',
  'HOST',
  'ACCOUNTS_PORT',
  'NETWORK_PORT',
  'SETTLEMENT_PORT',
  'ACCOUNTS_URL',
  'NETWORK_URL',
  'SETTLEMENT_URL',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'DATA_DIR',
  'SEED_DEMO',
  'ACCESS_TOKEN_PRIVATE_KEY',
  'ACCESS_TOKEN_PUBLIC_KEY',
  'INTERNAL_API_KEY',
  'QR_KEY_ENCRYPTION_SECRET',
];

/**
 * The QR key secret of every server the bench starts: the fixtures open the network's signing key
 * with it to sign the scanned codes themselves, as a holder's phone would show them.
 */
export const BENCH_QR_KEY_SECRET = randomBytes(32).toString('hex');

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const ports = { gateway: await freePort(), accounts: await freePort(), network: await freePort() };
  const settlement = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CONFIG_VARIABLES) delete env[name];
  Object.assign(env, {
    NODE_ENV: 'production',
    // Production is never given a generated secret: the launcher refuses to start without one.
    QR_KEY_ENCRYPTION_SECRET: BENCH_QR_KEY_SECRET,
    SEED_DEMO: 'false',
    PORT: String(ports.gateway),
    ACCOUNTS_PORT: String(ports.accounts),
    NETWORK_PORT: String(ports.network),
    SETTLEMENT_PORT: String(settlement),
    DATA_DIR: options.dataDir,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...(options.poolSize ? { DATABASE_POOL_SIZE: String(options.poolSize) } : {}),
  });
  const started = process.hrtime.bigint();
  // Its own process group: whatever it starts (an embedded PostgreSQL) can be stopped with it.
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), LAUNCHER], {
    cwd: options.root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const pid = child.pid!;
  options.cleanup.childGroups.add(pid);
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > 200) lines.shift();
  };
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      options.cleanup.childGroups.delete(pid);
      resolve();
    }),
  );

  const ready = new Promise<{ url: string; reported: number }>((resolve, reject) => {
    const onLine = (line: string) => {
      keep(line);
      const match = /Ready in ([\d.]+) s: GraphQL at (\S+)/.exec(line);
      if (match) resolve({ reported: Number(match[1]), url: match[2] });
    };
    readLines(child, 'stdout', onLine);
    readLines(child, 'stderr', onLine);
    void exit.then(() =>
      reject(new Error(`${options.label} exited before it was ready (${describeExit(exited)}):\n${lines.join('\n')}`)),
    );
  });

  const stop = async () => {
    if (exited) return;
    progress(`Stopping ${options.label}…`);
    child.kill('SIGTERM');
    try {
      await withTimeout(exit, 30_000, `${options.label} shutdown`);
    } catch {
      progress(`${options.label} did not stop in 30 s: killing it.`);
      killGroup(pid);
      await exit;
    }
  };
  const unregister = options.cleanup.add(options.label, stop);

  let url: string;
  let reported: number;
  try {
    ({ url, reported } = await withTimeout(ready, options.timeoutMs ?? 120_000, `${options.label} start`));
  } catch (error) {
    await unregister();
    throw error;
  }
  const readySeconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    pid,
    gatewayUrl: url.replace('localhost', '127.0.0.1'),
    networkUrl: `http://127.0.0.1:${ports.network}/graphql`,
    readySeconds,
    reportedReadySeconds: reported,
    rss: () => rssOf(pid),
    output: () => [...lines],
    stop: unregister,
  };
}

function readLines(child: ChildProcess, stream: 'stdout' | 'stderr', onLine: (line: string) => void): void {
  let buffer = '';
  child[stream]!.setEncoding('utf8');
  child[stream]!.on('data', (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      onLine(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
    }
  });
}

function describeExit(exited: { code: number | null; signal: NodeJS.Signals | null } | undefined): string {
  if (!exited) return 'still running';
  return exited.signal ? `signal ${exited.signal}` : `exit code ${exited.code}`;
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** VmRSS from /proc on Linux; `ps` elsewhere. */
export function rssOf(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(status, 'utf8'));
    return match ? Number(match[1]) * 1024 : NaN;
  }
  try {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024;
  } catch {
    return NaN;
  }
}

/** Samples a process's RSS while some work runs: the peak and the median of the samples. */
export class RssSampler {
  private readonly samples: number[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    private readonly everyMs = 250,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      const value = rssOf(this.pid);
      if (Number.isFinite(value)) this.samples.push(value);
    }, this.everyMs);
  }

  stop(): number[] {
    clearInterval(this.timer);
    return [...this.samples];
  }
}
