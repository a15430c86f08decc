import type { EntityManager } from 'typeorm';

/**
 * Runs the check-in's statements by name. Each is parsed and planned once per connection, then only
 * bound and executed: planning these joins costs more than running them on the busy path.
 */
export interface Statements {
  run<T>(name: string, text: string, values: unknown[]): Promise<T[]>;
}

type PgClient = { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> };

/** Over a TypeORM transaction: its query runner's own `pg` connection, so inside the transaction. */
export function statementsOf(manager: EntityManager): Statements {
  const queryRunner = manager.queryRunner;
  if (!queryRunner) throw new Error('Check-in statements run inside a transaction.');
  return {
    async run<T>(name: string, text: string, values: unknown[]) {
      const client = (await queryRunner.connect()) as PgClient;
      return (await client.query({ name, text, values })).rows as T[];
    },
  };
}
