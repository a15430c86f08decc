import { DBSchema, IDBPDatabase, openDB } from 'idb';

/** A scan made without network, waiting for the server's verdict. */
export interface QueuedScan {
  seq?: number;
  /** Chosen on the device: an upload retried after a lost answer is counted once by the server. */
  idempotencyKey: string;
  credential: string;
  occurredAt: string;
  /** Checked on the device against the cached keys (a QR code), or not checkable (a typed serial). */
  verifiedOffline: boolean;
}

/** The server's answer for a scan (or the device's own refusal of a forged code). */
export interface ScanOutcome {
  idempotencyKey: string;
  occurredAt: string;
  /** YYYY-MM-DD in the space's timezone: Today's visitors are today's accepted outcomes. */
  localDate: string;
  status: 'ACCEPTED' | 'REJECTED';
  repeat: boolean;
  reason?: string | null;
  message: string;
  holder?: string;
  serial?: string;
  left?: number | null;
  /** It waited in the queue and was uploaded later. */
  fromQueue: boolean;
}

interface DeskDb extends DBSchema {
  queue: { key: number; value: QueuedScan; indexes: { byKey: string } };
  outcomes: { key: string; value: ScanOutcome; indexes: { byTime: string } };
}

let opened: Promise<IDBPDatabase<DeskDb>> | undefined;

/**
 * The desk's IndexedDB. Browsers close it under memory pressure or when the tab sleeps (Safari
 * notably): `terminated` forgets the handle so that the next call opens it again.
 */
function db(): Promise<IDBPDatabase<DeskDb>> {
  opened ??= openDB<DeskDb>('passerelle-desk', 1, {
    upgrade(database) {
      const queue = database.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
      queue.createIndex('byKey', 'idempotencyKey', { unique: true });
      database.createObjectStore('outcomes', { keyPath: 'idempotencyKey' }).createIndex('byTime', 'occurredAt');
    },
    terminated() {
      opened = undefined;
    },
  }).catch((error) => {
    opened = undefined;
    throw error;
  });
  return opened;
}

/** Runs `work` on the database, once more on a fresh connection if the old one was closed under it. */
async function withDb<T>(work: (database: IDBPDatabase<DeskDb>) => Promise<T>): Promise<T> {
  try {
    return await work(await db());
  } catch (error) {
    if (!(error instanceof DOMException) || error.name !== 'InvalidStateError') throw error;
    opened = undefined;
    return work(await db());
  }
}

export const scanStore = {
  enqueue: (scan: QueuedScan) => withDb((d) => d.add('queue', scan)),
  /** The oldest scans first, as they must be uploaded. */
  waiting: (limit?: number) => withDb((d) => d.getAll('queue', undefined, limit)),
  waitingCount: () => withDb((d) => d.count('queue')),
  /** Records the server's verdicts and only then lets the scans leave the queue, in one transaction. */
  settle: (scans: QueuedScan[], outcomes: ScanOutcome[]) =>
    withDb(async (d) => {
      const tx = d.transaction(['queue', 'outcomes'], 'readwrite');
      for (const outcome of outcomes) void tx.objectStore('outcomes').put(outcome);
      for (const scan of scans) void tx.objectStore('queue').delete(scan.seq!);
      await tx.done;
    }),
  record: (outcome: ScanOutcome) => withDb((d) => d.put('outcomes', outcome)),
  /** The latest outcomes, newest first. */
  recent: (limit: number) =>
    withDb(async (d) => {
      const all: ScanOutcome[] = [];
      let cursor = await d.transaction('outcomes').store.index('byTime').openCursor(null, 'prev');
      while (cursor && all.length < limit) {
        all.push(cursor.value);
        cursor = await cursor.continue();
      }
      return all;
    }),
};
