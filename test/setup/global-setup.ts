import { runMigrations, startEmbeddedPostgres } from '@passerelle/database';
import { databaseUrl, TEST_ADMIN_URL_ENV, TEST_TEMPLATE_ENV, withAdmin } from '@passerelle/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SUBGRAPHS } from '../../apps/launcher/src/subgraphs';

/**
 * Starts a real PostgreSQL (embedded, or the server in TEST_DATABASE_URL) and migrates a template
 * database once; every test file then clones it. Meanwhile builds `dist/` once for the tests that run
 * `npm start` as a person does (they skip its own build: test/support/launcher.ts).
 */
export default async function globalSetup(): Promise<void> {
  const built = promisify(execFile)('npm', ['run', 'build', '--silent'], { cwd: join(__dirname, '..', '..') });
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-test-'));
    const embedded = await startEmbeddedPostgres({ dataDir, durable: false });
    adminUrl = embedded.adminUrl;
    (globalThis as Record<string, unknown>).__passerelleEmbedded = { embedded, dataDir };
  }
  const template = `passerelle_test_${process.pid}`;
  await withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${template}`);
    await client.query(`CREATE DATABASE ${template}`);
  });
  for (const subgraph of SUBGRAPHS) await runMigrations(subgraph.database(databaseUrl(adminUrl, template)));
  await built;
  process.env[TEST_ADMIN_URL_ENV] = adminUrl;
  process.env[TEST_TEMPLATE_ENV] = template;
}
