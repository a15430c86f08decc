import { CURRENT_TRANSACTION_ID } from '@passerelle/outbox';
import type { EntityManager } from 'typeorm';
import { visitEventPayload } from '../visits/visit-events';
import type { NewVisit } from './admission';
import type { StoredResult } from './check-in-result';

export interface ScanKey {
  spaceId: string;
  idempotencyKey: string;
  fingerprint: string;
}

/**
 * Rule 2, for a batch in one statement: claims every key not yet used at its space. A key claimed by
 * a transaction still running makes this wait for it; the keys not claimed come back with what was
 * stored under them (fingerprint and result), to replay or to refuse.
 */
export async function claimKeys(
  manager: Pick<EntityManager, 'query'>,
  keys: ScanKey[],
): Promise<Map<string, { fingerprint: string; result: StoredResult } | 'claimed'>> {
  const recordset = JSON.stringify(
    keys.map((key) => ({ space_id: key.spaceId, key: key.idempotencyKey, fingerprint: key.fingerprint })),
  );
  // Sorted, so that two uploads sharing keys claim them in the same order and cannot deadlock.
  const claimed: Array<{ space_id: string; idempotency_key: string }> = await manager.query(
    `INSERT INTO check_ins (space_id, idempotency_key, fingerprint)
     SELECT space_id, key, fingerprint FROM jsonb_to_recordset($1::jsonb) AS q(space_id uuid, key text, fingerprint text)
      ORDER BY space_id, key
     ON CONFLICT DO NOTHING RETURNING space_id, idempotency_key`,
    [recordset],
  );
  const outcome = new Map<string, { fingerprint: string; result: StoredResult } | 'claimed'>();
  for (const row of claimed)
    outcome.set(keyOf({ spaceId: row.space_id, idempotencyKey: row.idempotency_key }), 'claimed');
  if (claimed.length < keys.length) {
    const stored: Array<{ space_id: string; idempotency_key: string; fingerprint: string; result: StoredResult }> =
      await manager.query(
        `SELECT c.space_id, c.idempotency_key, c.fingerprint, c.result
           FROM jsonb_to_recordset($1::jsonb) AS q(space_id uuid, key text)
           JOIN check_ins c ON c.space_id = q.space_id AND c.idempotency_key = q.key`,
        [recordset],
      );
    for (const row of stored) {
      const key = keyOf({ spaceId: row.space_id, idempotencyKey: row.idempotency_key });
      if (!outcome.has(key)) outcome.set(key, { fingerprint: row.fingerprint, result: row.result });
    }
  }
  return outcome;
}

/** A key is scoped to its space: the same string at two spaces is two keys. */
export function keyOf(key: Pick<ScanKey, 'spaceId' | 'idempotencyKey'>): string {
  return `${key.spaceId}\u0000${key.idempotencyKey}`;
}

/**
 * Rule 10 and the stored results, in one statement: the visits, what they take (coupons or credits,
 * quota days, seats, each summed per row since a statement may change a row only once), their
 * `visit.accepted` events in the same transaction, and the result kept under each claimed key.
 */
export async function recordOutcomes(
  manager: Pick<EntityManager, 'query'>,
  visits: NewVisit[],
  results: Array<{ key: ScanKey; result: StoredResult }>,
): Promise<void> {
  const debits = sumBy(
    visits.filter((v) => v.debit > 0),
    (v) => v.scan.passId,
    (v) => v.debit,
  );
  const quotaDays = sumBy(
    visits.filter((v) => v.place.quotaMonth),
    (v) => `${v.scan.passId}/${v.place.quotaMonth}`,
    () => 1,
  );
  const seats = sumBy(
    visits.filter((v) => v.place.takesSeat),
    (v) => `${v.place.networkId}/${v.place.spaceId}/${v.place.day}`,
    () => 1,
  );
  await manager.query(
    `WITH new_visits AS (
       INSERT INTO visits (id, pass_id, space_id, network_id, payer_kind, payer_id, occurred_at, local_date,
                           network_month, units, amount_cents, status, took_seat, quota_month, scanner_id)
       SELECT id, pass_id, space_id, network_id, payer_kind, payer_id, occurred_at, local_date, network_month,
              units, amount_cents, 'ACCEPTED', took_seat, quota_month, scanner_id
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, pass_id uuid, space_id uuid, network_id uuid, payer_kind text,
              payer_id uuid, occurred_at timestamptz, local_date text, network_month text, units integer,
              amount_cents bigint, took_seat boolean, quota_month text, scanner_id uuid)
     ), debits AS (
       UPDATE passes p SET remaining_units = p.remaining_units - d.units
         FROM jsonb_to_recordset($2::jsonb) AS d(pass_id uuid, units integer) WHERE p.id = d.pass_id
     ), quota_days AS (
       INSERT INTO pass_month_usage (pass_id, month, days_used)
       SELECT pass_id, month, days FROM jsonb_to_recordset($3::jsonb) AS u(pass_id uuid, month text, days integer)
       ON CONFLICT (pass_id, month) DO UPDATE SET days_used = pass_month_usage.days_used + excluded.days_used
     ), seats AS (
       UPDATE space_day_seats s SET taken = s.taken + t.seats
         FROM jsonb_to_recordset($4::jsonb) AS t(network_id uuid, space_id uuid, local_date text, seats integer)
        WHERE s.network_id = t.network_id AND s.space_id = t.space_id AND s.local_date = t.local_date
     ), events AS (
       INSERT INTO outbox (transaction_id, type, payload)
       SELECT ${CURRENT_TRANSACTION_ID}, 'visit.accepted', e.payload
         FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS e(payload, position) ORDER BY e.position
     )
     UPDATE check_ins c SET result = r.result
       FROM jsonb_to_recordset($6::jsonb) AS r(space_id uuid, key text, result jsonb)
      WHERE c.space_id = r.space_id AND c.idempotency_key = r.key`,
    [
      JSON.stringify(
        visits.map((v) => ({
          id: v.id,
          pass_id: v.scan.passId,
          space_id: v.place.spaceId,
          network_id: v.place.networkId,
          payer_kind: v.scan.payerKind,
          payer_id: v.scan.payerId,
          occurred_at: v.occurredAt.toISOString(),
          local_date: v.place.day,
          network_month: v.place.month,
          units: v.units,
          amount_cents: v.amountCents,
          took_seat: v.place.takesSeat,
          quota_month: v.place.quotaMonth,
          scanner_id: v.scannerId,
        })),
      ),
      JSON.stringify([...debits].map(([passId, units]) => ({ pass_id: passId, units }))),
      JSON.stringify(
        [...quotaDays].map(([key, days]) => {
          const [passId, month] = key.split('/');
          return { pass_id: passId, month, days };
        }),
      ),
      JSON.stringify(
        [...seats].map(([key, taken]) => {
          const [networkId, spaceId, localDate] = key.split('/');
          return { network_id: networkId, space_id: spaceId, local_date: localDate, seats: taken };
        }),
      ),
      JSON.stringify(
        visits.map((v) =>
          visitEventPayload({
            id: v.id,
            networkId: v.place.networkId,
            passId: v.scan.passId,
            spaceId: v.place.spaceId,
            payerKind: v.scan.payerKind,
            payerId: v.scan.payerId,
            occurredAt: v.occurredAt,
            localDate: v.place.day,
            networkMonth: v.place.month,
            units: v.units,
            amountCents: v.amountCents,
          }),
        ),
      ),
      JSON.stringify(results.map(({ key, result }) => ({ space_id: key.spaceId, key: key.idempotencyKey, result }))),
    ],
  );
}

function sumBy<T>(items: T[], keyOf: (item: T) => string, amountOf: (item: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(keyOf(item), (sums.get(keyOf(item)) ?? 0) + amountOf(item));
  return sums;
}
