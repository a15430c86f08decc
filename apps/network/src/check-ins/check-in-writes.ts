import { VISIT_ACCEPTED } from '@passerelle/contracts';
import { outboxInsert } from '@passerelle/outbox';
import { createHash } from 'node:crypto';
import { visitEventPayload } from '../visits/visit-events';
import type { NewVisit } from './admission';
import type { StoredResult } from './check-in-result';
import type { Statements } from './statements';

export interface ScanKey {
  spaceId: string;
  idempotencyKey: string;
  fingerprint: string;
}

/** The key of a scan, with a hash of what was sent (the same key with other data is a CONFLICT). */
export function scanKeyOf(input: {
  spaceId: string;
  idempotencyKey: string;
  credential: string;
  occurredAt?: Date | null;
}): ScanKey {
  return {
    spaceId: input.spaceId,
    idempotencyKey: input.idempotencyKey,
    fingerprint: createHash('sha256')
      .update(JSON.stringify([input.spaceId, input.credential, input.occurredAt?.toISOString() ?? null]))
      .digest('hex'),
  };
}

/**
 * Rule 2, for a batch in one statement: claims every key not yet used at its space. A key claimed by
 * a transaction still running makes this wait for it; the keys not claimed come back with what was
 * stored under them (fingerprint and result), to replay or to refuse.
 */
export async function claimKeys(
  statements: Statements,
  keys: ScanKey[],
): Promise<Map<string, { fingerprint: string; result: StoredResult } | 'claimed'>> {
  const params = [keys.map((key) => key.spaceId), keys.map((key) => key.idempotencyKey)];
  // Sorted, so that two uploads sharing keys claim them in the same order and cannot deadlock.
  const claimed: Array<{ space_id: string; idempotency_key: string }> = await statements.run(
    'check-in: claim',
    `INSERT INTO check_ins (space_id, idempotency_key, fingerprint)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ORDER BY 1, 2
     ON CONFLICT DO NOTHING RETURNING space_id, idempotency_key`,
    [...params, keys.map((key) => key.fingerprint)],
  );
  const outcome = new Map<string, { fingerprint: string; result: StoredResult } | 'claimed'>();
  for (const row of claimed)
    outcome.set(keyOf({ spaceId: row.space_id, idempotencyKey: row.idempotency_key }), 'claimed');
  if (claimed.length < keys.length) {
    const stored: Array<{ space_id: string; idempotency_key: string; fingerprint: string; result: StoredResult }> =
      await statements.run(
        'check-in: stored results',
        `SELECT c.space_id, c.idempotency_key, c.fingerprint, c.result
           FROM unnest($1::uuid[], $2::text[]) AS q(space_id, key)
           JOIN check_ins c ON c.space_id = q.space_id AND c.idempotency_key = q.key`,
        params,
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
 * `visit.accepted` events in the same transaction, the result kept under each claimed key, and the
 * desk's serials that named no pass (its row locked since the scan contexts were read).
 * Parameters are arrays, one per column, so that one plan serves any batch size: it joins them to the
 * tables through their primary keys.
 */
export async function recordOutcomes(
  statements: Statements,
  visits: NewVisit[],
  results: Array<{ key: ScanKey; result: StoredResult }>,
  serialMisses: { deskId: string | null; added: number } = { deskId: null, added: 0 },
): Promise<void> {
  // In the column order of the INSERT below.
  const rows = visits.map((v) => ({
    id: v.id,
    passId: v.scan.passId,
    spaceId: v.place.spaceId,
    networkId: v.place.networkId,
    payerKind: v.scan.payerKind,
    payerId: v.scan.payerId,
    occurredAt: v.occurredAt,
    localDate: v.place.day,
    networkMonth: v.place.month,
    units: v.units,
    amountCents: v.amountCents,
    tookSeat: v.place.takesSeat,
    quotaMonth: v.place.quotaMonth,
    scannerId: v.scannerId,
  }));
  const debits = sumBy(
    visits.filter((v) => v.debit > 0),
    (v) => [v.scan.passId],
    (v) => v.debit,
  );
  const quotaDays = sumBy(
    visits.filter((v) => v.place.quotaMonth),
    (v) => [v.scan.passId, v.place.quotaMonth!],
    () => 1,
  );
  const seats = sumBy(
    visits.filter((v) => v.place.takesSeat),
    (v) => [v.place.networkId, v.place.spaceId, v.place.day],
    () => 1,
  );
  await statements.run(
    'check-in: outcomes',
    `WITH new_visits AS (
       INSERT INTO visits (id, pass_id, space_id, network_id, payer_kind, payer_id, occurred_at, local_date,
                           network_month, units, amount_cents, took_seat, quota_month, scanner_id, status)
       SELECT *, 'ACCEPTED' FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[],
                                        $7::timestamptz[], $8::text[], $9::text[], $10::integer[], $11::bigint[],
                                        $12::boolean[], $13::text[], $14::uuid[])
     ), debits AS (
       UPDATE passes p SET remaining_units = p.remaining_units - d.units
         FROM unnest($15::uuid[], $16::integer[]) AS d(pass_id, units) WHERE p.id = d.pass_id
     ), quota_days AS (
       INSERT INTO pass_month_usage (pass_id, month, days_used)
       SELECT * FROM unnest($17::uuid[], $18::text[], $19::integer[])
       ON CONFLICT (pass_id, month) DO UPDATE SET days_used = pass_month_usage.days_used + excluded.days_used
     ), seats AS (
       UPDATE space_day_seats s SET taken = s.taken + t.seats
         FROM unnest($20::uuid[], $21::uuid[], $22::text[], $23::integer[]) AS t(network_id, space_id, local_date, seats)
        WHERE s.network_id = t.network_id AND s.space_id = t.space_id AND s.local_date = t.local_date
     ), events AS (
       ${outboxInsert(VISIT_ACCEPTED, '$24')}
     ), desk AS (
       UPDATE desk_serial_misses SET misses = misses + $29::integer WHERE desk_id = $28::uuid AND $29::integer > 0
     )
     UPDATE check_ins c SET result = r.result
       FROM unnest($25::uuid[], $26::text[], $27::jsonb[]) AS r(space_id, key, result)
      WHERE c.space_id = r.space_id AND c.idempotency_key = r.key`,
    [
      ...columns(
        rows.map((row) => Object.values(row)),
        14,
      ),
      ...columns(debits, 2),
      ...columns(quotaDays, 3),
      ...columns(seats, 4),
      rows.map((row) => JSON.stringify(visitEventPayload(row))),
      ...columns(
        results.map(({ key, result }) => [key.spaceId, key.idempotencyKey, JSON.stringify(result)]),
        3,
      ),
      serialMisses.deskId,
      serialMisses.added,
    ],
  );
}

/** Sums per key, as rows of the key's parts followed by the sum. */
function sumBy<T>(items: T[], keyOf: (item: T) => string[], amountOf: (item: T) => number): unknown[][] {
  const sums = new Map<string, unknown[]>();
  for (const item of items) {
    const key = keyOf(item);
    const row = sums.get(key.join('/')) ?? [...key, 0];
    row[key.length] = (row[key.length] as number) + amountOf(item);
    sums.set(key.join('/'), row);
  }
  return [...sums.values()];
}

/** Rows to columns: one array parameter per column, for `unnest`. */
function columns(rows: unknown[][], width: number): unknown[][] {
  return Array.from({ length: width }, (_, column) => rows.map((row) => row[column]));
}
