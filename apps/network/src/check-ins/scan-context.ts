import { PartyKind } from '@passerelle/contracts';
import { PassKind } from '../products/pass-kind';
import type { Statements } from './statements';

/** Everything a check-in decides on: the pass (locked), its product and network, the host space. */
export interface ScanContext {
  passId: string;
  networkId: string;
  kind: PassKind;
  payerKind: PartyKind;
  payerId: string;
  homeSpaceId: string | null;
  revokedAt: Date | null;
  validUntil: Date | null;
  remainingUnits: number | null;
  unitValueCents: number;
  freeDaysPerMonth: number | null;
  networkTimezone: string;
  spaceTimezone: string;
  membershipStatus: string | null;
  nomadSeats: number | null;
  creditsPerDay: number | null;
}

/**
 * A verified QR names a pass of a network; a serial typed by hand names a pass of one of the networks
 * the scanning space is an ACTIVE member of. A serial is short enough to guess: found anywhere else, it
 * would tell the desk that the pass exists, so there it names nothing, exactly as an unknown serial.
 */
export type PassLookup = { passId: string; networkId: string } | { serial: string };

/**
 * One statement for a whole batch, one array parameter per column: each scan's context, or null where
 * no such pass exists (for a serial: none in the space's ACTIVE networks). The pass rows are locked in
 * id order (so two batches cannot deadlock) until commit: every decision on a pass (its balance, its
 * quota, its visit of the day) is taken by one transaction at a time. Given a desk (a batch with typed
 * serials), it also locks that desk's row of unknown serials, opening a new minute if need be, and
 * returns its count (serial-guesses.ts); the statement always returns that one row at least.
 */
export async function lockScanContexts(
  statements: Statements,
  scans: Array<{ lookup: PassLookup; spaceId: string }>,
  deskId: string | null = null,
): Promise<{ contexts: Array<ScanContext | null>; serialMisses: number }> {
  if (scans.length === 0) return { contexts: [], serialMisses: 0 };
  const lookupField = (name: 'passId' | 'networkId' | 'serial') =>
    scans.map(({ lookup }) => (lookup as Partial<Record<typeof name, string>>)[name] ?? null);
  const rows: Array<Record<string, unknown>> = await statements.run(
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
  for (const row of rows) {
    if (row.index === null) continue;
    contexts[Number(row.index) - 1] = {
      passId: row.id as string,
      networkId: row.network_id as string,
      kind: row.kind as PassKind,
      payerKind: row.payer_kind as PartyKind,
      payerId: row.payer_id as string,
      homeSpaceId: row.home_space_id as string | null,
      revokedAt: row.revoked_at as Date | null,
      validUntil: row.valid_until as Date | null,
      remainingUnits: row.remaining_units as number | null,
      unitValueCents: Number(row.unit_value_cents),
      freeDaysPerMonth: row.free_days_per_month as number | null,
      networkTimezone: row.network_timezone as string,
      spaceTimezone: row.space_timezone as string,
      membershipStatus: row.membership_status as string | null,
      nomadSeats: row.nomad_seats as number | null,
      creditsPerDay: row.credits_per_day as number | null,
    };
  }
  return { contexts, serialMisses: Number(rows[0]?.desk_misses ?? 0) };
}
