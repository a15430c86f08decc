/**
 * Writes a migration with the SQL that brings a subgraph's schema from its current migrations to its
 * entities, as TypeORM's schema builder sees it (what `typeorm migration:generate` does).
 *   npx ts-node -r tsconfig-paths/register --transpile-only scripts/generate-migration.ts accounts CreateAccounts
 * Uses DATABASE_URL's server when set (a scratch database is created and dropped), else an embedded one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations, startEmbeddedPostgres, SubgraphDatabase } from '@passerelle/database';
import { SUBGRAPHS } from '../apps/launcher/src/subgraphs';

async function main(): Promise<void> {
  const [app, name] = process.argv.slice(2);
  const describe = SUBGRAPHS.find((subgraph) => subgraph.name === app)?.database;
  if (!describe || !name)
    throw new Error(`usage: generate-migration <${SUBGRAPHS.map((subgraph) => subgraph.name).join('|')}> <Name>`);
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-gen-'));
  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir });
  const adminUrl = process.env.DATABASE_URL ?? embedded!.adminUrl;
  const scratch = `passerelle_gen_${Date.now()}`;
  const admin = new Client(adminUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${scratch}`;
    const db: SubgraphDatabase = describe(url.toString());
    await runMigrations(db);
    const dataSource = new DataSource(dataSourceOptions(db));
    await dataSource.initialize();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    await dataSource.destroy();
    if (sql.upQueries.length === 0) {
      console.log('Entities and migrations agree: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const quote = (q: string) => '`' + q.replace(/`/g, '\\`') + '`';
    const up = sql.upQueries.map((q) => `    await queryRunner.query(${quote(q.query)});`).join('\n');
    const down = sql.downQueries
      .reverse()
      .map((q) => `    await queryRunner.query(${quote(q.query)});`)
      .join('\n');
    const file = join('apps', app, 'src', 'migrations', `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    console.log(`Wrote ${file} (${sql.upQueries.length} statements). Add it to the subgraph's migrations list.`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.end();
    await embedded?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
