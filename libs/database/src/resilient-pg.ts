import { Logger } from '@nestjs/common';
import pg from 'pg';

const logger = new Logger('PostgreSQL');

/**
 * pg's pool listens for a connection's errors only while it is idle: one taken by a transaction that
 * PostgreSQL drops between two statements (the server killed or restarted) emits an 'error' nobody
 * hears, and Node stops the whole process. Every connection here gets a listener of its own from the
 * start; the statement in flight still fails (and is reported as such), and the pool throws the broken
 * connection away. Idle connections cut at a shutdown say the same, so this is only a debug line.
 */
class ResilientPool extends pg.Pool {
  constructor(config?: pg.PoolConfig) {
    super(config);
    this.on('connect', (client) =>
      client.on('error', (error: Error) => logger.debug(`A database connection was lost: ${error.message}`)),
    );
  }
}

/** The `pg` module as TypeORM takes it (`driver`), with that pool. */
export const resilientPg = { ...pg, Pool: ResilientPool };
