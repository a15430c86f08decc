import type { EntityManager } from 'typeorm';
import { PartyKind } from '../parties/party.model';
import { PassKind } from '../products/pass-kind';

/** Everything a check-in decides on, read in one round trip: the pass, its product and network, the host. */
export interface ScanContext {
  passId: string;
  networkId: string;
  kind: PassKind;
  payerKind: PartyKind;
  payerId: string;
  homeSpaceId: string | null;
  revokedAt: Date | null;
  validUntil: Date | null;
  unitValueCents: number;
  freeDaysPerMonth: number | null;
  networkTimezone: string;
  spaceTimezone: string;
  membershipStatus: string | null;
  nomadSeats: number | null;
  creditsPerDay: number | null;
}

export async function loadScanContext(
  manager: EntityManager,
  lookup: { passId: string; networkId: string } | { serial: string },
  spaceId: string,
): Promise<ScanContext | null> {
  const byId = 'passId' in lookup;
  const rows: Array<Record<string, unknown>> = await manager.query(
    `SELECT p.id, p.network_id, p.kind, p.payer_kind, p.payer_id, p.home_space_id, p.revoked_at, p.valid_until,
            pr.unit_value_cents, pr.free_days_per_month, n.timezone AS network_timezone, s.timezone AS space_timezone,
            m.status AS membership_status, m.nomad_seats, m.credits_per_day
       FROM passes p
       JOIN pass_products pr ON pr.id = p.product_id
       JOIN networks n ON n.id = p.network_id
       JOIN spaces s ON s.id = $2
       LEFT JOIN memberships m ON m.network_id = p.network_id AND m.space_id = s.id
      WHERE ${byId ? 'p.id = $1::uuid AND p.network_id = $3::uuid' : 'p.serial = $1'}`,
    byId ? [lookup.passId, spaceId, lookup.networkId] : [lookup.serial, spaceId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    passId: row.id as string,
    networkId: row.network_id as string,
    kind: row.kind as PassKind,
    payerKind: row.payer_kind as PartyKind,
    payerId: row.payer_id as string,
    homeSpaceId: row.home_space_id as string | null,
    revokedAt: row.revoked_at as Date | null,
    validUntil: row.valid_until as Date | null,
    unitValueCents: Number(row.unit_value_cents),
    freeDaysPerMonth: row.free_days_per_month as number | null,
    networkTimezone: row.network_timezone as string,
    spaceTimezone: row.space_timezone as string,
    membershipStatus: row.membership_status as string | null,
    nomadSeats: row.nomad_seats as number | null,
    creditsPerDay: row.credits_per_day as number | null,
  };
}
