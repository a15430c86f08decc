import { CONNECTION_SETTINGS, startEmbeddedPostgres } from '@passerelle/database';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool, PoolConfig } from 'pg';
import { Cleanup } from './cleanup';
import { progress } from './log';

/** The PostgreSQL the benchmark runs on, and a small pool of its own in the network schema. */
export interface BenchDatabase {
  kind: 'embedded' | 'external';
  /** What the servers get as DATABASE_URL. */
  url: string;
  serverVersion: string;
  settings: Record<string, string>;
  /** The bench's own connections, search_path = network (the servers' own schema for the check-in path). */
  pool: Pool;
  newPool(config: PoolConfig): Pool;
}

const BENCH_DATABASE = 'passerelle_bench';
const SETTINGS = ['shared_buffers', 'max_connections', 'synchronous_commit', 'fsync', 'work_mem', 'max_wal_size'];

/**
 * A fresh embedded PostgreSQL in a temporary directory, or, with BENCH_DATABASE_URL, a fresh
 * `passerelle_bench` database on that server; either is removed at the end.
 */
export async function provisionDatabase(cleanup: Cleanup): Promise<BenchDatabase> {
  let url: string;
  let kind: BenchDatabase['kind'];
  const external = process.env.BENCH_DATABASE_URL;
  if (external) {
    kind = 'external';
    const admin = new URL(external);
    url = withDatabase(external, BENCH_DATABASE);
    progress(`Creating database ${BENCH_DATABASE} on ${admin.host} (BENCH_DATABASE_URL)…`);
    await adminQuery(external, `DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    await adminQuery(external, `CREATE DATABASE ${BENCH_DATABASE}`);
    cleanup.add(`database ${BENCH_DATABASE}`, async () => {
      progress(`Dropping database ${BENCH_DATABASE}…`);
      await adminQuery(external, `DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    });
  } else {
    kind = 'embedded';
    const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-bench-db-'));
    cleanup.add('temporary PostgreSQL directory', async () => rmSync(dataDir, { recursive: true, force: true }));
    progress('Starting an embedded PostgreSQL in a temporary directory…');
    const embedded = await startEmbeddedPostgres({ dataDir });
    cleanup.add('embedded PostgreSQL', async () => {
      progress('Stopping the embedded PostgreSQL…');
      await embedded.stop();
    });
    url = embedded.url;
  }
  const newPool = (config: PoolConfig) =>
    new Pool({ connectionString: url, options: `-c search_path=network ${CONNECTION_SETTINGS}`, ...config });
  const pool = newPool({ max: 4, application_name: 'passerelle-bench' });
  cleanup.add('bench connections', () => pool.end());
  const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
  const settings: Record<string, string> = {};
  for (const name of SETTINGS) {
    const result = await pool.query<Record<string, string>>(`SHOW ${name}`);
    settings[name] = Object.values(result.rows[0])[0];
  }
  return { kind, url, serverVersion: rows[0].server_version, settings, pool, newPool };
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
