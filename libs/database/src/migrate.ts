import { DataSource } from 'typeorm';
import { dataSourceOptions, SubgraphDatabase } from './data-source-options';

/**
 * Applies a subgraph's pending migrations. The schema is created first because TypeORM keeps its
 * migrations table inside it, unless it exists: a role that owns its schema may create nothing else
 * in the database, and PostgreSQL checks that right even for CREATE SCHEMA IF NOT EXISTS. Returns the
 * names of the migrations that ran.
 */
export async function runMigrations(db: SubgraphDatabase): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions({ ...db, poolSize: 1 }));
  await dataSource.initialize();
  try {
    const [exists] = await dataSource.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [db.schema]);
    if (!exists) await dataSource.query(`CREATE SCHEMA "${db.schema}"`);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** SQL the schema builder would still run after migrating: empty when entities and migrations agree. */
export async function pendingSchemaChanges(db: SubgraphDatabase): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions({ ...db, poolSize: 1 }));
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((query) => query.query);
  } finally {
    await dataSource.destroy();
  }
}
