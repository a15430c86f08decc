import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NETWORK_DATA_SOURCE } from '../network.data-source';
import { CHECK_IN_RETENTION_DAYS } from './check-in-policy';
import { deleteCheckInsOlderThan } from './check-in-statements';

/**
 * Idempotency records are dropped once the scans they name can no longer be recorded
 * (CHECK_IN_RETENTION_DAYS, check-in-policy.ts), so dropping one never lets a scan count twice.
 * Keeping the table to the records that matter keeps the claim's index small, however long the
 * network has been running.
 */
const BATCH = 10_000;

export const CHECK_IN_RETENTION = Symbol('CHECK_IN_RETENTION');

export interface CheckInRetentionOptions {
  /** False builds the subgraph without the periodic clean-up (supergraph composition). */
  enabled: boolean;
  intervalMs: number;
}

type Query = (sql: string, parameters: unknown[]) => Promise<Array<{ deleted: number }>>;

/** Deletes the records older than the retention, in short transactions of at most 10,000 rows. */
export async function deleteExpiredCheckIns(query: Query): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteCheckInsOlderThan(query, CHECK_IN_RETENTION_DAYS, BATCH);
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

/** Runs deleteExpiredCheckIns shortly after start, then at every interval. */
@Injectable()
export class CheckInRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CheckInRetention');
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource(NETWORK_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CHECK_IN_RETENTION) private readonly options: CheckInRetentionOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.enabled) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.run().finally(() => {
        if (!this.stopped) this.schedule(this.options.intervalMs);
      });
    }, delayMs);
    // The clean-up never keeps the process alive on its own.
    this.timer.unref();
  }

  private async run(): Promise<void> {
    try {
      const deleted = await deleteExpiredCheckIns((sql, parameters) => this.dataSource.query(sql, parameters));
      if (deleted > 0) {
        this.logger.log(`Deleted ${deleted} idempotency records older than ${CHECK_IN_RETENTION_DAYS} days.`);
      }
    } catch (error) {
      this.logger.warn(`Could not delete old idempotency records, trying again later: ${(error as Error).message}`);
    }
  }
}
