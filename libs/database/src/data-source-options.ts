import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { resilientPg } from './resilient-pg';
import { SnakeNamingStrategy } from './snake-naming.strategy';

type Constructor = new (...args: never[]) => unknown;

/** Session settings of every subgraph connection (and of the benchmark's SQL floor). */
export const CONNECTION_SETTINGS = '-c plan_cache_mode=force_generic_plan';

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
    driver: resilientPg,
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
    // Named statements (TypeORM sends none; the check-in does) keep one generic plan per connection:
    // their array parameters make PostgreSQL's custom plans no better, only planned on every call.
    extra: {
      max: db.poolSize ?? 10,
      application_name: `passerelle-${db.schema}`,
      options: `-c search_path=${db.schema} ${CONNECTION_SETTINGS}`,
    },
    // A refused write is often expected (a taken slug becomes CONFLICT); an unexpected one reaches
    // Nest's exception handler, which logs it once.
    logging: false,
  };
}
