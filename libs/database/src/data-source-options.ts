import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

type Constructor = new (...args: never[]) => unknown;

export interface SubgraphDatabase {
  /** PostgreSQL connection string. */
  url: string;
  /** The PostgreSQL schema the subgraph owns; its migrations table lives there too. */
  schema: string;
  entities: MixedList<Constructor | EntitySchema>;
  migrations: Constructor[];
  /** Pool size per process; PostgreSQL is shared by every app in the one-process mode. */
  poolSize?: number;
}

/**
 * The one TypeORM options factory, shared by the apps, the migrations runner and the tests.
 * Schema changes are migrations only: `synchronize` stays off everywhere.
 */
export function dataSourceOptions(db: SubgraphDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    url: db.url,
    schema: db.schema,
    entities: db.entities,
    migrations: db.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    // Raw SQL in services names tables without their schema: each subgraph only ever sees its own.
    extra: {
      max: db.poolSize ?? 10,
      application_name: `passerelle-${db.schema}`,
      options: `-c search_path=${db.schema}`,
    },
    // A refused write is often expected (a taken slug becomes CONFLICT); an unexpected one reaches
    // Nest's exception handler, which logs it once.
    logging: false,
  };
}
