import { VISIT_ACCEPTED } from '@passerelle/contracts';
import { outboxInsert } from '@passerelle/outbox';
import type { EntityManager } from 'typeorm';
import type { PartyKind } from '@passerelle/contracts';
import type { PassKind } from '../products/pass-kind';
import { visitEventPayload } from '../visits/visit-events';
import type { StoredResult } from './check-in-outcome';
import type { DayState, NewVisit, PassLookup, ScanContext, ScanPlace } from './check-in-rules';

/**
 * Every SQL statement of the check-in, and of its undo (a void), with the rows they take and give
 * typed here and turned into the rules' shapes by the builders beside them. Parameters are arrays,
 * one per column, so that one plan serves any batch size: each statement joins them to the tables
 * through their primary keys.
 */

/**
 * Runs statements by name. Each is parsed and planned once per connection, then only bound and
 * executed: planning these joins costs more than running them on the busy path.
 */
export interface Statements {
  run<T>(name: string, text: string, values: unknown[]): Promise<T[]>;
}

type PgClient = { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> };

/** Over a TypeORM transaction: its query runner's own `pg` connection, so inside the transaction. */
export function statementsOf(manager: EntityManager): Statements {
  const queryRunner = manager.queryRunner;
  if (!queryRunner) throw new Error('Check-in statements run inside a transaction.');
  return {
    async run<T>(name: string, text: string, values: unknown[]) {
      const client = (await queryRunner.connect()) as PgClient;
      return (await client.query({ name, text, values })).rows as T[];
    },
  };
}

/** An idempotency key at its space, with a hash of what was sent under it. */
export interface KeyRow {
  space_id: string;
  idempotency_key: string;
}
export interface StoredKeyRow extends KeyRow {
  fingerprint: string;
  result: StoredResult;
}

/**
 * Rule 2: inserts every key not yet used at its space, and returns those it inserted. A key claimed
 * by a transaction still running makes this wait for it. Sorted, so that two uploads sharing keys
 * claim them in the same order and cannot deadlock.
 */
export function claimKeys(
  statements: Statements,
  keys: Array<{ spaceId: string; idempotencyKey: string; fingerprint: string }>,
): Promise<KeyRow[]> {
  return statements.run(
    'check-in: claim',
    `INSERT INTO check_ins (space_id, idempotency_key, fingerprint)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ORDER BY 1, 2
     ON CONFLICT DO NOTHING RETURNING space_id, idempotency_key`,
    [keys.map((key) => key.spaceId), keys.map((key) => key.idempotencyKey), keys.map((key) => key.fingerprint)],
  );
}

/** What was stored under keys used before: the fingerprint to compare, the result to replay. */
export function storedResults(
  statements: Statements,
  keys: Array<{ spaceId: string; idempotencyKey: string }>,
): Promise<StoredKeyRow[]> {
  return statements.run(
    'check-in: stored results',
    `SELECT c.space_id, c.idempotency_key, c.fingerprint, c.result
       FROM unnest($1::uuid[], $2::text[]) AS q(space_id, key)
       JOIN check_ins c ON c.space_id = q.space_id AND c.idempotency_key = q.key`,
    [keys.map((key) => key.spaceId), keys.map((key) => key.idempotencyKey)],
  );
}

/** A pass found for a scan, with what rules 5–9 read of it, its product, network and the host space. */
export interface ScanContextRow {
  /** The scan's position in the batch, from 1 (WITH ORDINALITY); null on the row that only carries the desk. */
  index: string | null;
  id: string;
  network_id: string;
  kind: PassKind;
  payer_kind: PartyKind;
  payer_id: string;
  home_space_id: string | null;
  revoked_at: Date | null;
  valid_until: Date | null;
  remaining_units: number | null;
  /** bigint: pg gives it as a string. */
  unit_value_cents: string;
  free_days_per_month: number | null;
  network_timezone: string;
  space_timezone: string;
  membership_status: string | null;
  nomad_seats: number | null;
  credits_per_day: number | null;
  desk_misses: number | null;
}

export function scanContextOf(row: ScanContextRow): ScanContext {
  return {
    passId: row.id,
    networkId: row.network_id,
    kind: row.kind,
    payerKind: row.payer_kind,
    payerId: row.payer_id,
    homeSpaceId: row.home_space_id,
    revokedAt: row.revoked_at,
    validUntil: row.valid_until,
    remainingUnits: row.remaining_units,
    unitValueCents: Number(row.unit_value_cents),
    freeDaysPerMonth: row.free_days_per_month,
    networkTimezone: row.network_timezone,
    spaceTimezone: row.space_timezone,
    membershipStatus: row.membership_status,
    nomadSeats: row.nomad_seats,
    creditsPerDay: row.credits_per_day,
  };
}

/**
 * Each scan's context, or null where no such pass exists. A verified QR names a pass of a network; a
 * serial typed by hand names a pass of one of the networks the scanning space is an ACTIVE member of
 * (found anywhere else, it would tell the desk that the pass exists, so there it names nothing, as an
 * unknown serial). The pass rows are locked in id order (so two batches cannot deadlock) until
 * commit: every decision on a pass (its balance, its quota, its visit of the day) is taken by one
 * transaction at a time. Given a desk (a batch with typed serials), it also locks that desk's row of
 * unknown serials, opening a new minute if need be, and returns its count (serial-guesses.ts); the
 * statement always returns that one row at least.
 */
export async function lockScanContexts(
  statements: Statements,
  scans: Array<{ lookup: PassLookup; spaceId: string }>,
  deskId: string | null = null,
): Promise<{ contexts: Array<ScanContext | null>; serialMisses: number }> {
  if (scans.length === 0) return { contexts: [], serialMisses: 0 };
  const lookupField = (name: 'passId' | 'networkId' | 'serial') =>
    scans.map(({ lookup }) => (lookup as Partial<Record<typeof name, string>>)[name] ?? null);
  const rows = await statements.run<ScanContextRow>(
    'check-in: scan contexts',
    `WITH desk AS (
       INSERT INTO desk_serial_misses (desk_id, minute, misses)
       SELECT $5::uuid, date_trunc('minute', now()), 0 WHERE $5::uuid IS NOT NULL
       ON CONFLICT (desk_id) DO UPDATE
          SET minute = excluded.minute,
              misses = CASE WHEN desk_serial_misses.minute = excluded.minute THEN desk_serial_misses.misses ELSE 0 END
       RETURNING misses
     ), found AS (
       SELECT q.index, p.id, p.network_id, p.kind, p.payer_kind, p.payer_id, p.home_space_id, p.revoked_at,
              p.valid_until, p.remaining_units, pr.unit_value_cents, pr.free_days_per_month,
              n.timezone AS network_timezone, s.timezone AS space_timezone,
              m.status AS membership_status, m.nomad_seats, m.credits_per_day
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) WITH ORDINALITY
              AS q(space_id, pass_id, network_id, serial, index)
         JOIN passes p ON (p.id = q.pass_id AND p.network_id = q.network_id) OR p.serial = q.serial
         JOIN pass_products pr ON pr.id = p.product_id
         JOIN networks n ON n.id = p.network_id
         JOIN spaces s ON s.id = q.space_id
         LEFT JOIN memberships m ON m.network_id = p.network_id AND m.space_id = s.id
        WHERE q.serial IS NULL OR m.status = 'ACTIVE'
        ORDER BY p.id
          FOR UPDATE OF p
     )
     SELECT found.*, desk.misses AS desk_misses
       FROM (VALUES (1)) AS one (x) LEFT JOIN found ON true LEFT JOIN desk ON true`,
    [scans.map((scan) => scan.spaceId), lookupField('passId'), lookupField('networkId'), lookupField('serial'), deskId],
  );
  const contexts: Array<ScanContext | null> = scans.map(() => null);
  for (const row of rows) if (row.index !== null) contexts[Number(row.index) - 1] = scanContextOf(row);
  return { contexts, serialMisses: Number(rows[0]?.desk_misses ?? 0) };
}

export interface DayStateRow {
  index: string;
  visit_today: string | null;
  days_used: number | null;
  taken: number | null;
}

export function dayStateOf(row: DayStateRow | undefined): DayState {
  return { visitToday: row?.visit_today ?? null, daysUsed: row?.days_used ?? 0, seatsTaken: row?.taken ?? 0 };
}

/**
 * Once the passes are locked (so it sees every visit and quota day committed before the lock): for
 * each place, the pass's accepted visit that day at that space, the days used of its quota month,
 * and the seats taken that day. The seat rows are created if need be and locked, in key order, by an
 * upsert that changes nothing: concurrent check-ins at one space queue on that row only.
 */
export async function lockDayStates(statements: Statements, places: ScanPlace[]): Promise<DayState[]> {
  if (places.length === 0) return [];
  const rows = await statements.run<DayStateRow>(
    'check-in: day states',
    `WITH q AS (
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::boolean[])
           WITH ORDINALITY AS q(pass_id, network_id, space_id, day, quota_month, takes_seat, index)
     ), seats AS (
       INSERT INTO space_day_seats (network_id, space_id, local_date, taken)
       SELECT DISTINCT network_id, space_id, day, 0 FROM q WHERE takes_seat ORDER BY 1, 2, 3
       ON CONFLICT (network_id, space_id, local_date) DO UPDATE SET taken = space_day_seats.taken
       RETURNING network_id, space_id, local_date, taken
     )
     SELECT q.index,
            (SELECT v.id FROM visits v
              WHERE v.pass_id = q.pass_id AND v.space_id = q.space_id AND v.local_date = q.day
                AND v.status = 'ACCEPTED') AS visit_today,
            (SELECT u.days_used FROM pass_month_usage u WHERE u.pass_id = q.pass_id AND u.month = q.quota_month) AS days_used,
            (SELECT s.taken FROM seats s
              WHERE s.network_id = q.network_id AND s.space_id = q.space_id AND s.local_date = q.day) AS taken
       FROM q`,
    [
      places.map((place) => place.passId),
      places.map((place) => place.networkId),
      places.map((place) => place.spaceId),
      places.map((place) => place.day),
      places.map((place) => place.quotaMonth),
      places.map((place) => place.takesSeat),
    ],
  );
  const states = places.map(() => dayStateOf(undefined));
  for (const row of rows) states[Number(row.index) - 1] = dayStateOf(row);
  return states;
}

/** A row of `visits` as rule 10 inserts it, in the column order of the INSERT below. */
export interface VisitRow {
  id: string;
  passId: string;
  spaceId: string;
  networkId: string;
  payerKind: PartyKind;
  payerId: string;
  occurredAt: Date;
  localDate: string;
  networkMonth: string;
  units: number;
  amountCents: number;
  tookSeat: boolean;
  quotaMonth: string | null;
  scannerId: string | null;
}

export function visitRowOf(visit: NewVisit): VisitRow {
  return {
    id: visit.id,
    passId: visit.scan.passId,
    spaceId: visit.place.spaceId,
    networkId: visit.place.networkId,
    payerKind: visit.scan.payerKind,
    payerId: visit.scan.payerId,
    occurredAt: visit.occurredAt,
    localDate: visit.place.day,
    networkMonth: visit.place.month,
    units: visit.units,
    amountCents: visit.amountCents,
    tookSeat: visit.place.takesSeat,
    quotaMonth: visit.place.quotaMonth,
    scannerId: visit.scannerId,
  };
}

/**
 * Rule 10 and the stored results, in one statement: the visits, what they take (coupons or credits,
 * quota days, seats, each summed per row since a statement may change a row only once), their
 * `visit.accepted` events in the same transaction, the result kept under each claimed key, and the
 * desk's serials that named no pass (its row locked since the scan contexts were read).
 * voidVisit below gives back what this takes.
 */
export async function recordOutcomes(
  statements: Statements,
  visits: NewVisit[],
  results: Array<{ spaceId: string; idempotencyKey: string; result: StoredResult }>,
  serialMisses: { deskId: string | null; added: number },
): Promise<void> {
  const rows = visits.map(visitRowOf);
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
        results.map(({ spaceId, idempotencyKey, result }) => [spaceId, idempotencyKey, JSON.stringify(result)]),
        3,
      ),
      serialMisses.deskId,
      serialMisses.added,
    ],
  );
}

/** What a void gives back, as the visit recorded it. */
export interface VoidedVisitRow {
  pass_id: string;
  network_id: string;
  space_id: string;
  local_date: string;
  units: number;
  took_seat: boolean;
  quota_month: string | null;
}

/**
 * The undo of rule 10's write, for a visit voided by its host: VOIDED, and its units, seat and quota
 * day given back to the rows recordOutcomes took them from. The status guard makes a second (or
 * concurrent) void give nothing back twice: false when the visit was not ACCEPTED. The pass row is
 * updated before the seat and the quota day, in the order a check-in locks them.
 */
export async function voidVisit(statements: Statements, visitId: string, reason: string): Promise<boolean> {
  const [voided] = await statements.run<VoidedVisitRow>(
    'void: visit',
    `UPDATE visits SET status = 'VOIDED', voided_at = now(), void_reason = $2 WHERE id = $1 AND status = 'ACCEPTED'
     RETURNING pass_id, network_id, space_id, local_date, units, took_seat, quota_month`,
    [visitId, reason],
  );
  if (!voided) return false;
  await statements.run(
    'void: units',
    'UPDATE passes SET remaining_units = remaining_units + $2 WHERE id = $1 AND remaining_units IS NOT NULL',
    [voided.pass_id, voided.units],
  );
  if (voided.took_seat) {
    await statements.run(
      'void: seat',
      'UPDATE space_day_seats SET taken = taken - 1 WHERE network_id = $1 AND space_id = $2 AND local_date = $3',
      [voided.network_id, voided.space_id, voided.local_date],
    );
  }
  if (voided.quota_month) {
    await statements.run(
      'void: quota day',
      'UPDATE pass_month_usage SET days_used = days_used - 1 WHERE pass_id = $1 AND month = $2',
      [voided.pass_id, voided.quota_month],
    );
  }
  return true;
}

/**
 * Deletes the idempotency records received more than `days` ago, oldest first, at most `batch` in
 * one statement, skipping rows another clean-up holds (every instance runs one). Returns how many went.
 */
export async function deleteCheckInsOlderThan(
  query: (sql: string, parameters: unknown[]) => Promise<Array<{ deleted: number }>>,
  days: number,
  batch: number,
): Promise<number> {
  const [{ deleted }] = await query(
    `WITH gone AS (
       DELETE FROM check_ins WHERE ctid = ANY (ARRAY(
         SELECT ctid FROM check_ins WHERE received_at < now() - make_interval(days => $1)
          ORDER BY received_at LIMIT $2 FOR UPDATE SKIP LOCKED))
       RETURNING 1)
     SELECT count(*)::integer AS deleted FROM gone`,
    [days, batch],
  );
  return deleted;
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
