import { Api, ApiError, createApi } from '../shared/api';
import { graphql, ResultOf } from '../shared/graphql';
import { CachedKeys, cachedKeys, checkOffline, looksLikeCredential, refreshKeys } from './offline-check';
import type { Pairing } from './pairing';
import { QueuedScan, ScanOutcome, scanStore } from './scan-store';
import { t } from './strings';

const RESULT = graphql(`
  fragment Result on CheckInResult @_unmask {
    status
    reason
    message
    repeat
    pass {
      serial
      remainingUnits
      holder {
        displayName
      }
    }
  }
`);

const CHECK_IN = graphql(
  `
    mutation DeskCheckIn($input: CheckInInput!) {
      checkIn(input: $input) {
        ...Result
      }
    }
  `,
  [RESULT],
);

const SYNC = graphql(
  `
    mutation DeskSync($input: [CheckInInput!]!) {
      syncCheckIns(input: $input) {
        ...Result
      }
    }
  `,
  [RESULT],
);

/** syncCheckIns takes at most this many scans per call. */
export const UPLOAD_BATCH = 500;
const DAY_MS = 24 * 3600 * 1000;

/** The space's accepted visits of its today, whichever desk checked them in (the API lists them to a scanner). */
const TODAYS_VISITS = graphql(`
  query TodaysVisits($filter: VisitFilter!) {
    visits(filter: $filter, first: 200) {
      edges {
        node {
          id
          occurredAt
          pass {
            serial
            holder {
              displayName
            }
          }
        }
      }
    }
  }
`);

export interface Visitor {
  id: string;
  occurredAt: string;
  name: string;
}

/** What the screen shows for the last scan. */
export type Shown =
  | { kind: 'outcome'; outcome: ScanOutcome }
  | { kind: 'queued'; verifiedOffline: boolean }
  | { kind: 'refusedOnDevice'; message: string };

export interface DeskState {
  shown?: Shown;
  waiting: number;
  oldestWaiting?: string;
  recent: ScanOutcome[];
  /** Today's visitors as the API lists them, newest first; undefined until it answers (offline). */
  visitors?: Visitor[];
  keys?: CachedKeys;
  /** Server clock minus the desk's, in seconds, at the last answer. */
  clockOffsetSeconds?: number;
  busy: boolean;
}

/** An idempotency key from the platform's random source (randomUUID needs a secure context; this does not). */
function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function localDate(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/**
 * The front desk's logic, apart from its screen: a scan goes to the API when it can; when the
 * connection is gone, a QR code is checked on the device and queued with its own idempotency key
 * and scan time, a serial queued as typed. The queue uploads in order, 500 at most per call, and a
 * scan leaves it only with the server's answer, so a reload or a lost answer loses and doubles nothing.
 */
export class Desk {
  private readonly api: Api;
  private readonly listeners = new Set<() => void>();
  private uploading?: Promise<void>;
  state: DeskState = { waiting: 0, recent: [], busy: false, keys: cachedKeys() };

  constructor(readonly pairing: Pairing) {
    this.api = createApi(() => pairing.token);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    await this.refreshCounts();
    if (navigator.onLine) await this.sync();
  }

  /** Asks the API for today's visitors at this space; offline, the screen keeps the desk's own list. */
  async loadVisitors(): Promise<void> {
    try {
      const pages = await Promise.all(
        this.pairing.networkIds.map((networkId) =>
          this.api.run(TODAYS_VISITS, { filter: { networkId, spaceId: this.pairing.spaceId, status: 'ACCEPTED' } }),
        ),
      );
      const visitors = pages
        .flatMap((page) => page.visits.edges.map(({ node }) => node))
        .map((node) => ({ id: node.id, occurredAt: node.occurredAt, name: node.pass.holder.displayName }))
        .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
      this.update({ visitors });
    } catch {
      // Offline or the server down: the list stays as last read.
    }
  }

  async scan(input: string): Promise<void> {
    const credential = input.trim();
    if (!credential) return;
    const occurredAt = new Date();
    const scan: QueuedScan = {
      idempotencyKey: newKey(),
      credential,
      occurredAt: occurredAt.toISOString(),
      verifiedOffline: false,
    };
    this.update({ busy: true });
    try {
      if (navigator.onLine) {
        try {
          const { checkIn } = await this.api.run(CHECK_IN, { input: this.input(scan) });
          const outcome = this.outcome(scan, checkIn, false);
          await scanStore.record(outcome);
          this.update({ shown: { kind: 'outcome', outcome }, clockOffsetSeconds: this.offset() });
          void this.loadVisitors();
          return;
        } catch (error) {
          if (!(error instanceof ApiError) || !error.offline) throw error;
          // The connection dropped under us: this scan is queued like any offline one.
        }
      }
      await this.queueOffline(scan, occurredAt);
    } finally {
      await this.refreshCounts();
      this.update({ busy: false });
    }
  }

  /** Uploads the queue; concurrent calls (an `online` event during a scan) share one upload. */
  sync(): Promise<void> {
    this.uploading ??= this.upload().finally(() => (this.uploading = undefined));
    return this.uploading;
  }

  private async queueOffline(scan: QueuedScan, at: Date): Promise<void> {
    if (looksLikeCredential(scan.credential)) {
      const check = await checkOffline(scan.credential, this.state.keys, this.pairing.networkIds, at);
      if (!check.ok) {
        const message = { forged: t.forged, expired: t.expiredOffline, otherNetwork: t.otherNetwork }[check.why];
        this.update({ shown: { kind: 'refusedOnDevice', message } });
        return;
      }
      scan.verifiedOffline = true;
    }
    await scanStore.enqueue(scan);
    this.update({ shown: { kind: 'queued', verifiedOffline: scan.verifiedOffline } });
  }

  private async upload(): Promise<void> {
    try {
      const keys = await refreshKeys();
      if (keys) this.update({ keys });
      for (;;) {
        const batch = await scanStore.waiting(UPLOAD_BATCH);
        if (batch.length === 0) break;
        const { syncCheckIns } = await this.api.run(SYNC, { input: batch.map((scan) => this.input(scan)) });
        await scanStore.settle(
          batch,
          batch.map((scan, index) => this.outcome(scan, syncCheckIns[index], true)),
        );
        await this.refreshCounts();
      }
      this.update({ clockOffsetSeconds: this.offset() });
      await this.loadVisitors();
    } catch {
      // Offline again, or the server down: the queue stays as it is, for the next attempt.
    } finally {
      await this.refreshCounts();
    }
  }

  private input(scan: QueuedScan) {
    return {
      spaceId: this.pairing.spaceId,
      credential: scan.credential,
      idempotencyKey: scan.idempotencyKey,
      occurredAt: scan.occurredAt,
    };
  }

  private outcome(scan: QueuedScan, result: ResultOf<typeof RESULT>, fromQueue: boolean): ScanOutcome {
    return {
      idempotencyKey: scan.idempotencyKey,
      occurredAt: scan.occurredAt,
      localDate: localDate(new Date(scan.occurredAt), this.pairing.timezone),
      status: result.status,
      repeat: result.repeat,
      reason: result.reason,
      message: result.message,
      holder: result.pass?.holder.displayName,
      serial: result.pass?.serial,
      left: result.pass?.remainingUnits,
      fromQueue,
    };
  }

  private offset(): number | undefined {
    const ms = this.api.clockOffsetMs();
    return ms === null ? undefined : ms / 1000;
  }

  private async refreshCounts(): Promise<void> {
    const [waiting, oldest, recent] = await Promise.all([
      scanStore.waitingCount(),
      scanStore.waiting(1),
      scanStore.recent(200),
    ]);
    this.update({ waiting, oldestWaiting: oldest[0]?.occurredAt, recent });
  }

  private update(change: Partial<DeskState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}

export function waitedOverADay(oldest: string | undefined, now = Date.now()): boolean {
  return oldest !== undefined && now - Date.parse(oldest) > DAY_MS;
}

export function today(timezone: string): string {
  return localDate(new Date(), timezone);
}
