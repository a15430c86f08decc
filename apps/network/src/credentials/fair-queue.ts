interface Caller {
  waiting: Array<() => void>;
  running: number;
  /** When this caller last got a slot (a counter): the caller served longest ago goes next. */
  servedAt: number;
}

/**
 * Runs tasks at most `slots` at a time, taking turns between keys (callers): a caller who asks for
 * a hundred things at once waits behind their own requests, not in front of everyone else's.
 * Each key's tasks run in the order given; each key may have at most `maxQueuedPerKey` waiting.
 */
export class FairQueue {
  private readonly callers = new Map<string, Caller>();
  private running = 0;
  private served = 0;

  constructor(
    private readonly slots: number,
    private readonly maxQueuedPerKey: number,
  ) {}

  /** How many tasks of this key wait for a slot (not those running). */
  queued(key: string): number {
    return this.callers.get(key)?.waiting.length ?? 0;
  }

  /** False when the key already has `maxQueuedPerKey` tasks waiting: the caller should back off. */
  canAccept(key: string): boolean {
    return this.queued(key) < this.maxQueuedPerKey;
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const caller = this.callers.get(key) ?? { waiting: [], running: 0, servedAt: -1 };
      this.callers.set(key, caller);
      caller.waiting.push(() => {
        // A task that throws before returning its promise fails like one that rejects.
        new Promise<T>((settle) => settle(task())).then(resolve, reject).finally(() => {
          this.running -= 1;
          caller.running -= 1;
          if (caller.running === 0 && caller.waiting.length === 0) this.callers.delete(key);
          this.next();
        });
      });
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.slots) {
      let chosen: Caller | undefined;
      for (const caller of this.callers.values()) {
        if (caller.waiting.length > 0 && (!chosen || caller.servedAt < chosen.servedAt)) chosen = caller;
      }
      if (!chosen) return;
      this.running += 1;
      chosen.running += 1;
      chosen.servedAt = this.served += 1;
      chosen.waiting.shift()!();
    }
  }
}
