import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { RateLimitedError } from '@passerelle/graphql';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Piscina from 'piscina';
import { FairQueue } from './fair-queue';

export type QrImageFormat = 'svg' | 'png';

/** The worker's file sits beside this one, in the sources and in dist/ alike (`swc --copy-files`). */
const WORKER_FILE = join(__dirname, 'qr-image.worker.js');
/** One core stays with the event loop (check-ins, every other request); the rest draw images. */
const THREADS = Math.max(1, availableParallelism() - 1);
/** A burst of one caller waits for its turn; past this many waiting images they are asked to slow down. */
const MAX_QUEUED_PER_CALLER = 200;
/** Image threads yield the CPU to the event loop when both want it (Linux/macOS; ignored where unsupported). */
const NICE_INCREMENT = 10;
const IDLE_THREAD_MS = 60_000;

/**
 * Draws QR images on worker threads, never on the event loop: a PNG takes milliseconds of CPU, and a
 * front desk's check-in must not wait behind someone else's images. Callers take turns for the
 * threads (FairQueue), so one caller's burst queues behind itself. Threads start at the first image
 * and stop with the app.
 */
@Injectable()
export class QrImagePool implements OnModuleDestroy {
  private readonly queue = new FairQueue(THREADS, MAX_QUEUED_PER_CALLER);
  private pool?: Piscina<{ format: QrImageFormat; token: string }, string>;
  private closed = false;

  async render(callerId: string, format: QrImageFormat, token: string): Promise<string> {
    if (!this.queue.canAccept(callerId)) {
      throw new RateLimitedError(
        'Too many QR images asked for at once: ask for fewer, then try again.',
        1,
        'TOO_MANY_QR_IMAGES',
      );
    }
    return this.queue.run(callerId, () => this.threads().run({ format, token }));
  }

  /** Worker threads running now (none before the first image, none once closed). */
  get threadCount(): number {
    return this.pool?.threads.length ?? 0;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }

  private threads(): Piscina<{ format: QrImageFormat; token: string }, string> {
    if (this.closed) throw new Error('The QR image pool is closed.');
    this.pool ??= new Piscina({
      filename: WORKER_FILE,
      minThreads: 1,
      maxThreads: THREADS,
      idleTimeout: IDLE_THREAD_MS,
      niceIncrement: NICE_INCREMENT,
    });
    return this.pool;
  }
}
