import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Starts a real PostgreSQL (embedded, or the server in TEST_DATABASE_URL) and migrates a template
 * database once; every test file then clones it, or uses the stack started here for its worker
 * (test/support/shared-stack.ts). Meanwhile builds `dist/` once for the tests that run `npm start` as a
 * person does (they skip its own build: test/support/launcher.ts) and for the web app the gateways serve.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  // `npm run build`'s two halves at once: the servers' build does not read the web app's.
  const built = Promise.all(
    ['build:server', 'build:web'].map((script) =>
      promisify(execFile)('npm', ['run', script, '--silent'], { cwd: join(__dirname, '..', '..') }),
    ),
  );
  // Awaited below; a failure meanwhile is reported there, not as an unhandled rejection.
  built.catch(() => undefined);
  // Loaded once the build is under way: the servers' modules take a while to load, the build longer.
  const { runMigrations, startEmbeddedPostgres } = await import('@passerelle/database');
  const { databaseUrl, TEST_ADMIN_URL_ENV, TEST_TEMPLATE_ENV, withAdmin } = await import('@passerelle/testing');
  const { SUBGRAPHS } = await import('../../apps/launcher/src/subgraphs');
  const { startSharedStacks } = await import('./shared-stacks');
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-test-'));
    // Each worker's shared stacks and the files' own stacks hold pools of their own at once.
    const embedded = await startEmbeddedPostgres({ dataDir, durable: false, maxConnections: 500 });
    adminUrl = embedded.adminUrl;
    (globalThis as Record<string, unknown>).__passerelleEmbedded = { embedded, dataDir };
  }
  const template = `passerelle_test_${process.pid}`;
  await withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${template}`);
    await client.query(`CREATE DATABASE ${template}`);
  });
  for (const subgraph of SUBGRAPHS) await runMigrations(subgraph.database(databaseUrl(adminUrl, template)));
  process.env[TEST_ADMIN_URL_ENV] = adminUrl;
  process.env[TEST_TEMPLATE_ENV] = template;
  const [stacks] = await Promise.all([startSharedStacks(globalConfig.maxWorkers), built]);
  (globalThis as Record<string, unknown>).__passerelleStacks = stacks;
}
