import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MalformedEventError, OutboxEvent, parseVisitEvent, VisitEvent } from '@passerelle/contracts';
import { comparePositions, OutboxFeedClient } from '@passerelle/outbox';
import { setTimeout as delay } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { Ledger } from '../ledger/ledger';
import { SETTLEMENT_DATA_SOURCE } from '../settlement.data-source';

export const VISIT_STREAM = Symbol('VISIT_STREAM');

export interface VisitStreamOptions {
  feed: OutboxFeedClient;
  /** Polls the network subgraph's outbox this often when it has nothing new. */
  pollIntervalMs: number;
  batchSize: number;
  /** How long a read waits for the stream to reach the network's head before answering from what is recorded. */
  readWaitMs: number;
  /** False builds the subgraph without consuming (supergraph composition). */
  enabled: boolean;
}

/** Closing a period waits this long for the stream to reach the head, then fails. */
const CLOSE_WAIT_MS = 30_000;

const SOURCE = 'network';

class StreamBehindError extends Error {
  constructor(waitedMs: number) {
    super(`The visit stream did not reach the network's head within ${waitedMs} ms.`);
  }
}

/**
 * Reads the network subgraph's visit events in outbox order and hands them to the ledger exactly
 * once: each batch is recorded with the new read position in one transaction, and replaying an event
 * changes nothing. It polls, catches up on demand, and holds its position still while a period closes.
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
    private readonly ledger: Ledger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.enabled) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.queue;
  }

  /**
   * Before closing a period: reads and records everything committed in the network subgraph up to
   * now, or fails (the network unreachable, the stream stopped at a malformed event, or still behind
   * after CLOSE_WAIT_MS): a period must never freeze without a visit that was already accepted.
   */
  async catchUp(): Promise<void> {
    await this.reachHead(CLOSE_WAIT_MS);
  }

  /**
   * Before a read: the same, but a read never waits long nor fails for it. Past `readWaitMs` (another
   * transaction of the network's database still open), with the network unreachable or the stream
   * stopped, it answers from what is recorded: figures a moment behind, which the next read completes.
   */
  async catchUpForRead(): Promise<void> {
    try {
      await this.reachHead(this.options.readWaitMs);
    } catch (error) {
      if (error instanceof MalformedEventError) this.reportMalformed(error);
      else if (error instanceof StreamBehindError)
        this.logger.debug(`${error.message} Answering from what is recorded.`);
      else
        this.logger.warn(
          `Could not read the visit stream; answering from what is recorded: ${(error as Error).message}`,
        );
    }
  }

  /**
   * Runs `work` in a transaction during which no batch can record (the position row is locked): what it
   * reads of the charges stays still until it commits, as closing a period needs.
   */
  whileHeld<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT position FROM consumer_positions WHERE source = $1 FOR UPDATE', [SOURCE]);
      return work(manager);
    });
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

  private async reachHead(waitMs: number): Promise<void> {
    const head = await this.options.feed.head();
    const deadline = Date.now() + waitMs;
    while (comparePositions(await this.position(), head) < 0) {
      // Nothing readable yet means an older transaction of the network's database is still open.
      if ((await this.consumeBatch()) === 0) {
        if (Date.now() > deadline) throw new StreamBehindError(waitMs);
        await delay(10);
      }
    }
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
    const { readable, visits, malformed } = checked(events);
    if (readable.length === 0) throw malformed;
    const recorded = await this.dataSource.transaction(async (manager) => {
      // Another instance may have recorded this batch meanwhile: the locked position says.
      const [row]: Array<{ position: string }> = await manager.query(
        'SELECT position FROM consumer_positions WHERE source = $1 FOR UPDATE',
        [SOURCE],
      );
      if (row.position !== from) return 0;
      await this.ledger.record(manager, visits);
      await manager.query('UPDATE consumer_positions SET position = $2, updated_at = now() WHERE source = $1', [
        SOURCE,
        readable[readable.length - 1].position,
      ]);
      return readable.length;
    });
    if (malformed) throw malformed;
    return recorded;
  }

  /** Once per event, not at every poll: the stream stays stopped there until a fix is deployed. */
  private reportMalformed(error: MalformedEventError): void {
    if (this.reportedMalformed === error.position) return;
    this.reportedMalformed = error.position;
    this.logger.error(`The visit stream is stopped before an event it cannot read. ${error.message}`);
  }
}

/**
 * The events up to the first malformed one, checked against the contract. The stream stops at a
 * malformed event rather than skip it: skipping would lose a charge for good (the outbox is never
 * rewritten), while a consumer that does not yet know a producer's new shape (the likely cause) is
 * fixed by deploying it, after which it resumes at that very event, exactly once.
 */
function checked(events: OutboxEvent[]): {
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
