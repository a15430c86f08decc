import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MalformedEventError, OutboxEvent, parseVisitEvent, VisitEvent } from '@passerelle/contracts';
import { comparePositions, OutboxFeedClient } from '@passerelle/outbox';
import { setTimeout as delay } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { closedMonthsOf, openPeriodFrom } from '../periods/closed-months';
import { SETTLEMENT_DATA_SOURCE } from '../settlement.data-source';

export const VISIT_STREAM = Symbol('VISIT_STREAM');

export interface VisitStreamOptions {
  feed: OutboxFeedClient;
  /** Polls the network subgraph's outbox this often when it has nothing new. */
  pollIntervalMs: number;
  batchSize: number;
  /** False builds the subgraph without consuming (supergraph composition). */
  enabled: boolean;
}

const SOURCE = 'network';

/**
 * Turns the network subgraph's visit events into charges, in outbox order, exactly once: each batch
 * is recorded with the new read position in one transaction, and replaying an event changes nothing.
 */
@Injectable()
export class VisitStreamConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Settlement');
  private queue: Promise<unknown> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private reportedMalformed?: string;

  constructor(
    @InjectDataSource(SETTLEMENT_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(VISIT_STREAM) private readonly options: VisitStreamOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.enabled) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.queue;
  }

  /** Reads and records everything committed in the network subgraph up to now. */
  async catchUp(timeoutMs = 30_000): Promise<void> {
    const head = await this.options.feed.head();
    const deadline = Date.now() + timeoutMs;
    while (comparePositions(await this.position(), head) < 0) {
      // Nothing readable yet means an older transaction of the network subgraph is still open.
      if ((await this.consumeBatch()) === 0) {
        if (Date.now() > deadline) throw new Error('The visit stream did not catch up in time.');
        await delay(10);
      }
    }
  }

  /** One batch, never two at once in this process; the number of events recorded. */
  consumeBatch(): Promise<number> {
    const run = this.queue.then(() => this.recordBatch());
    this.queue = run.catch(() => undefined);
    return run;
  }

  async position(): Promise<string> {
    const [row]: Array<{ position: string }> = await this.dataSource.query(
      'SELECT position FROM consumer_positions WHERE source = $1',
      [SOURCE],
    );
    return row.position;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.poll(), delayMs);
  }

  private async poll(): Promise<void> {
    try {
      while (!this.stopped && (await this.consumeBatch()) === this.options.batchSize);
    } catch (error) {
      if (this.stopped) return;
      if (error instanceof MalformedEventError) this.reportMalformed(error);
      else this.logger.warn(`Could not read the visit stream, retrying: ${(error as Error).message}`);
    } finally {
      if (!this.stopped) this.schedule(this.options.pollIntervalMs);
    }
  }

  private async recordBatch(): Promise<number> {
    const from = await this.position();
    const events = await this.options.feed.read(from, this.options.batchSize);
    if (events.length === 0) return 0;
    const { readable, visits, malformed } = this.checked(events);
    if (readable.length === 0) throw malformed;
    const recorded = await this.dataSource.transaction(async (manager) => {
      // Another instance may have recorded this batch meanwhile: the locked position says.
      const [row]: Array<{ position: string }> = await manager.query(
        'SELECT position FROM consumer_positions WHERE source = $1 FOR UPDATE',
        [SOURCE],
      );
      if (row.position !== from) return 0;
      const networkIds = [...new Set(visits.map((event) => event.payload.networkId))];
      const closed = await closedMonthsOf(manager, networkIds);
      for (const event of visits) await this.apply(manager, event, closed);
      await manager.query('UPDATE consumer_positions SET position = $2, updated_at = now() WHERE source = $1', [
        SOURCE,
        readable[readable.length - 1].position,
      ]);
      return readable.length;
    });
    if (malformed) throw malformed;
    return recorded;
  }

  /**
   * The events up to the first malformed one, checked against the contract. The stream stops at a
   * malformed event rather than skip it: skipping would lose a charge for good (the outbox is never
   * rewritten), while a consumer that does not yet know a producer's new shape (the likely cause) is
   * fixed by deploying it, after which it resumes at that very event, exactly once.
   */
  private checked(events: OutboxEvent[]): {
    readable: OutboxEvent[];
    visits: VisitEvent[];
    malformed?: MalformedEventError;
  } {
    const visits: VisitEvent[] = [];
    for (const [index, event] of events.entries()) {
      try {
        const visit = parseVisitEvent(event);
        if (visit) visits.push(visit);
      } catch (error) {
        if (!(error instanceof MalformedEventError)) throw error;
        return { readable: events.slice(0, index), visits, malformed: error };
      }
    }
    return { readable: events, visits };
  }

  /** Once per event, not at every poll: the stream stays stopped there until a fix is deployed. */
  private reportMalformed(error: MalformedEventError): void {
    if (this.reportedMalformed === error.position) return;
    this.reportedMalformed = error.position;
    this.logger.error(`The visit stream is stopped before an event it cannot read. ${error.message}`);
  }

  private async apply(manager: EntityManager, event: VisitEvent, closed: Map<string, Set<string>>): Promise<void> {
    const visit = event.payload;
    const closedMonths = closed.get(visit.networkId)!;
    if (event.type === 'visit.accepted') {
      await manager.query(
        `WITH settled AS (
           INSERT INTO settled_visits
             (visit_id, network_id, host_space_id, payer_kind, payer_id, amount_cents, network_month, period_month)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (visit_id) DO NOTHING
           RETURNING *)
         INSERT INTO charges (network_id, period_month, visit_id, host_space_id, payer_kind, payer_id, visits, amount_cents)
         SELECT network_id, period_month, visit_id, host_space_id, payer_kind, payer_id, 1, amount_cents
           FROM settled WHERE amount_cents <> 0`,
        [
          visit.visitId,
          visit.networkId,
          visit.hostSpaceId,
          visit.payer.kind,
          visit.payer.id,
          visit.amountCents,
          visit.networkMonth,
          openPeriodFrom(closedMonths, visit.networkMonth),
        ],
      );
    } else if (event.type === 'visit.voided') {
      // An UPDATE … RETURNING answers [rows, affected count].
      const [rows]: [Array<{ period_month: string; amount_cents: string }>, number] = await manager.query(
        `UPDATE settled_visits SET voided_at = $2
          WHERE visit_id = $1 AND voided_at IS NULL
          RETURNING period_month, amount_cents`,
        [visit.visitId, event.createdAt],
      );
      const voided = rows[0];
      if (!voided || voided.amount_cents === '0') return;
      if (!closedMonths.has(voided.period_month)) {
        await manager.query('DELETE FROM charges WHERE visit_id = $1 AND period_month = $2', [
          visit.visitId,
          voided.period_month,
        ]);
      } else {
        // Its period is frozen: the refund is a negative charge in the earliest period still open.
        await manager.query(
          `INSERT INTO charges (network_id, period_month, visit_id, host_space_id, payer_kind, payer_id, visits, amount_cents)
           SELECT network_id, $2, visit_id, host_space_id, payer_kind, payer_id, -1, -amount_cents
             FROM settled_visits WHERE visit_id = $1`,
          [visit.visitId, openPeriodFrom(closedMonths, voided.period_month)],
        );
      }
    }
  }
}
