import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm start` in a child process, as a person runs it, with its output kept for assertions. Global
 * setup has built `dist/` once for the whole run, so npm skips the `prestart` build here.
 */
export interface Launcher {
  child: ChildProcess;
  output(): string;
  /** Its exit code, once it exits. */
  exited: Promise<number | null>;
  /** Resolves with the output once `pattern` appears in it; rejects if the launcher exits first. */
  waitFor(pattern: RegExp): Promise<string>;
}

export function launch(env: Record<string, string>): Launcher {
  const child = spawn('npm', ['start', '--ignore-scripts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(output)) return;
        listeners.delete(check);
        resolve(output);
      };
      listeners.add(check);
      check();
      void exited.then((code) => {
        if (listeners.delete(check)) reject(new Error(`npm start exited (${code}) before ${pattern}:\n${output}`));
      });
    });
  return { child, output: () => output, exited, waitFor };
}

export function gatewayUrlIn(output: string): string {
  const url = /GraphQL at (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(output)?.[1];
  if (!url) throw new Error(`No gateway URL in the output:\n${output}`);
  return url;
}

/** What the embedded server's `postmaster.pid` says: its process, TCP port and socket directory. */
export function postmaster(clusterDir: string): { pid: number; port: number; socketDir: string } {
  const lines = readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]), socketDir: lines[4] };
}

/** Polls `probe` until it returns true: a bounded loop on a condition, never a wait for its own sake. */
export async function until(what: string, probe: () => Promise<boolean>, attempts = 1500): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Gave up waiting until ${what}`);
}

/** The gateway's /health: its status code and what it says of the database. */
export async function health(gatewayUrl: string): Promise<{ status: number; database?: string }> {
  try {
    const response = await fetch(gatewayUrl.replace(/\/graphql$/, '/health'));
    const body = (await response.json()) as { database?: string };
    return { status: response.status, database: body.database };
  } catch {
    return { status: 0 };
  }
}
