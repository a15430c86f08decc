import type { OutboxEvent } from '@passerelle/contracts';
import type { EntityManager } from 'typeorm';

/** The value of `outbox.transaction_id` for an event written by the current transaction. */
const CURRENT_TRANSACTION_ID = 'pg_current_xact_id()::text::bigint';

const EVENT_TYPE = /^[a-z]+(\.[a-z]+)+$/;

/**
 * The one statement that writes events: an INSERT of events of one type, whose payloads (JSON text,
 * in order) are the array parameter `payloads`. It runs alone (`appendToOutbox`) or as a step of a
 * larger statement (the check-in writes its visits and their events in one), always in the caller's
 * transaction, so an event exists exactly when the change it describes commits.
 */
export function outboxInsert(type: string, payloads: `$${number}`): string {
  // The type is written into the statement (it is one of ours, never a client's): checked all the same.
  if (!EVENT_TYPE.test(type)) throw new Error(`Not an event type: ${type}`);
  return `INSERT INTO outbox (transaction_id, type, payload)
       SELECT ${CURRENT_TRANSACTION_ID}, '${type}', e.payload
         FROM unnest(${payloads}::jsonb[]) WITH ORDINALITY AS e(payload, position) ORDER BY e.position`;
}

/** Writes events of one type inside the caller's transaction: they exist exactly when the change commits. */
export async function appendToOutbox(manager: EntityManager, type: string, payloads: object[]): Promise<void> {
  await manager.query(outboxInsert(type, '$1'), [payloads.map((payload) => JSON.stringify(payload))]);
}

export function parsePosition(position: string | undefined): [string, string] {
  if (!position) return ['0', '0'];
  const match = /^(\d+):(\d+)$/.exec(position);
  if (!match) throw new Error(`Not an outbox position: ${position}`);
  return [match[1], match[2]];
}

/**
 * Events after `position`, in commit-safe order, from transactions that finished before every
 * transaction still running: none of them can later be joined by an event that sorts before it.
 */
export async function readOutbox(
  manager: EntityManager,
  after: string | undefined,
  limit: number,
): Promise<OutboxEvent[]> {
  const [transactionId, id] = parsePosition(after);
  const rows: Array<{ position: string; type: string; payload: Record<string, unknown>; created_at: Date }> =
    await manager.query(
      `SELECT transaction_id::text || ':' || id AS position, type, payload, created_at
         FROM outbox
        WHERE (transaction_id, id) > ($1::bigint, $2::bigint)
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
        ORDER BY transaction_id, id
        LIMIT $3`,
      [transactionId, id, limit],
    );
  return rows.map((row) => ({
    position: row.position,
    type: row.type,
    payload: row.payload,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

/**
 * The position of the last event committed before this call: a consumer that has reached it has seen
 * everything committed until now (closing a period waits for this).
 */
export async function outboxHead(manager: EntityManager): Promise<string> {
  const rows: Array<{ position: string | null }> = await manager.query(
    `SELECT transaction_id::text || ':' || id AS position FROM outbox ORDER BY transaction_id DESC, id DESC LIMIT 1`,
  );
  return rows[0]?.position ?? '0:0';
}

/** Compares two positions: negative when a is before b. */
export function comparePositions(a: string, b: string): number {
  const [at, ai] = parsePosition(a).map(BigInt);
  const [bt, bi] = parsePosition(b).map(BigInt);
  if (at !== bt) return at < bt ? -1 : 1;
  return ai === bi ? 0 : ai < bi ? -1 : 1;
}
