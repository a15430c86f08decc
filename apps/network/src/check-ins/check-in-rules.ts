import { localDate, localMonth } from '@passerelle/calendar';
import { readCredential, verifyPassCredentialToken } from '@passerelle/credentials';
import type { KeyObject } from 'node:crypto';
import { v7 as timeOrderedUuid } from 'uuid';
import { PartyKind } from '@passerelle/contracts';
import { PassStatus, passStatusAt } from '../passes/pass-status';
import { normalizeSerial } from '../passes/serial';
import { PassKind } from '../products/pass-kind';
import { accepted, alreadyIn, rejected, RejectionReason, StoredResult } from './check-in-outcome';
import { withinSyncWindow } from './check-in-policy';
import type { SerialGuesses } from './serial-guesses';

/**
 * The check-in decision, rules 3–9 of the design, in its order; the first rule that fails decides.
 * Nothing here reads or writes the database: check-in-transaction.ts reads what each step needs,
 * with the rows locked, and hands it over.
 *   - judgeSent: rules 3 and 4 on what the desk sent, before any row is read;
 *   - judgePass: rule 4 (a pass found), 5 and 6 on the pass as locked;
 *   - Admissions: rules 7, 8 and 9 on the day as locked, for the scans of one transaction in order.
 */

/** What a credential names once verified (rule 4): a pass of a network, or a serial to look up. */
export type PassLookup = { passId: string; networkId: string } | { serial: string };

/** A network's public key, as the key store gives it for a `kid`. */
export interface VerificationKey {
  networkId: string;
  publicKey: KeyObject;
}

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

/** Where and when a scan lands: the host's local day, the network's month. */
export interface ScanPlace {
  passId: string;
  networkId: string;
  spaceId: string;
  day: string;
  month: string;
  /** The month whose free-day quota the visit uses (corporate passes, reciprocal passes away). */
  quotaMonth: string | null;
  /** A reciprocal pass at the space that issued it: free, no seat, no quota day. */
  atHome: boolean;
  takesSeat: boolean;
}

/**
 * What the database said, with the pass locked, before this batch: the visit the pass already has at
 * that space that day, the days used of its quota month, the seats taken that day (seat row locked).
 */
export interface DayState {
  visitToday: string | null;
  daysUsed: number;
  seatsTaken: number;
}

/** A visit to insert, with everything it moves; the outbox event and the stored result follow from it. */
export interface NewVisit {
  id: string;
  place: ScanPlace;
  scan: ScanContext;
  occurredAt: Date;
  units: number;
  amountCents: number;
  /** Units taken off the pass (coupons, credits); 0 for passes without a balance. */
  debit: number;
  scannerId: string | null;
}

/**
 * Rules 3 and 4 on what was sent, before any row is read (so neither holds a lock): the scan's time
 * (`occurredAt`, default now) within the sync window, then its credential, a QR token signed by the
 * key its `kid` names (of the network the token names) or a serial typed by hand.
 */
export async function judgeSent(
  scan: { credential: string; occurredAt?: Date | null },
  now: Date,
  keyFor: (kid: string, at: Date) => Promise<VerificationKey | undefined>,
): Promise<{ at: Date; verdict: PassLookup | RejectionReason }> {
  const at = scan.occurredAt ?? now;
  if (!withinSyncWindow(at, now)) return { at, verdict: RejectionReason.OUTSIDE_SYNC_WINDOW };
  const read = readCredential(scan.credential);
  if (!read) return { at, verdict: RejectionReason.INVALID_CREDENTIAL };
  if ('text' in read) {
    const serial = normalizeSerial(read.text);
    return { at, verdict: serial ? { serial } : RejectionReason.INVALID_CREDENTIAL };
  }
  const key = await keyFor(read.token.kid, at);
  if (!key) return { at, verdict: RejectionReason.INVALID_CREDENTIAL };
  const check = verifyPassCredentialToken(read.token, key.publicKey, at);
  if (!check.ok) return { at, verdict: check.reason as RejectionReason };
  if (check.claims.networkId !== key.networkId) return { at, verdict: RejectionReason.INVALID_CREDENTIAL };
  return { at, verdict: { passId: check.claims.passId, networkId: key.networkId } };
}

/**
 * Rule 4 (the credential names a pass, and a typed serial is within the desk's cap on unknown ones,
 * serial-guesses.ts), rule 5 (the pass is active at the scan's time) and rule 6 (the space's
 * membership in the pass's network is ACTIVE). Null: the pass goes on to the day's rules.
 */
export function judgePass(
  lookup: PassLookup,
  context: ScanContext | null,
  at: Date,
  guesses: SerialGuesses,
): StoredResult | null {
  const typed = 'serial' in lookup;
  if (typed && !guesses.open) return guesses.refused();
  if (!context) return typed ? guesses.miss() : rejected(RejectionReason.INVALID_CREDENTIAL);
  if (passStatusAt(context, at) !== PassStatus.ACTIVE) return rejected(RejectionReason.PASS_NOT_ACTIVE, context.passId);
  if (context.membershipStatus !== 'ACTIVE') return rejected(RejectionReason.NOT_VALID_AT_SPACE, context.passId);
  return null;
}

/** The day and month a scan counts in, and what it would take there. */
export function placeOf(scan: ScanContext, spaceId: string, at: Date): ScanPlace {
  const atHome = scan.kind === PassKind.RECIPROCAL && scan.homeSpaceId === spaceId;
  const month = localMonth(at, scan.networkTimezone);
  return {
    passId: scan.passId,
    networkId: scan.networkId,
    spaceId,
    day: localDate(at, scan.spaceTimezone),
    month,
    quotaMonth: scan.kind === PassKind.CORPORATE || (scan.kind === PassKind.RECIPROCAL && !atHome) ? month : null,
    atHome,
    takesSeat: !atHome && scan.nomadSeats !== null,
  };
}

/**
 * Rules 7–9 for the scans of one transaction, in order. The database state was read with every pass
 * and seat row involved locked, so it stays true until commit; what earlier scans of the same batch
 * took (a visit, a seat, a coupon, a quota day) is kept here on top of it. Each accepted scan adds
 * the visit to write (rule 10) to `visits`.
 */
export class Admissions {
  readonly visits: NewVisit[] = [];
  private readonly visitsToday = new Map<string, string>();
  private readonly seatsTaken = new Map<string, number>();
  private readonly daysUsed = new Map<string, number>();
  private readonly remainingUnits = new Map<string, number | null>();

  decide(scan: ScanContext, place: ScanPlace, state: DayState, at: Date, scannerId: string | null): StoredResult {
    const visitKey = `${place.passId}/${place.spaceId}/${place.day}`;
    const seatKey = `${place.networkId}/${place.spaceId}/${place.day}`;
    const quotaKey = `${place.passId}/${place.quotaMonth}`;
    // Rule 7: a second scan the same local day at the same space is a repeat, charged nothing.
    const visitToday = this.visitsToday.get(visitKey) ?? state.visitToday;
    if (visitToday) return alreadyIn(visitToday, scan.passId);
    // Rule 8: the network's nomad seats at this space that day.
    const seatsTaken = this.seatsTaken.get(seatKey) ?? state.seatsTaken;
    if (place.takesSeat && seatsTaken >= scan.nomadSeats!) return rejected(RejectionReason.SPACE_FULL, scan.passId);
    // Rule 9: units left on the pass, then days left in the network month.
    const units = scan.kind === PassKind.CREDITS ? scan.creditsPerDay! : place.atHome ? 0 : 1;
    const remaining = this.remainingUnits.has(scan.passId)
      ? this.remainingUnits.get(scan.passId)!
      : scan.remainingUnits;
    const debit = scan.kind === PassKind.COUPON_BOOK || scan.kind === PassKind.CREDITS ? units : 0;
    if (debit > 0 && (remaining ?? 0) < debit) return rejected(RejectionReason.PASS_EXHAUSTED, scan.passId);
    const daysUsed = this.daysUsed.get(quotaKey) ?? state.daysUsed;
    if (place.quotaMonth && scan.freeDaysPerMonth !== null && daysUsed >= scan.freeDaysPerMonth) {
      return rejected(RejectionReason.QUOTA_EXCEEDED, scan.passId);
    }

    const payerIsHost = scan.payerKind === PartyKind.SPACE && scan.payerId === place.spaceId;
    // Time-ordered ids: a day's new visits go to the end of the primary key index, not all over it.
    const visit: NewVisit = {
      id: timeOrderedUuid(),
      place,
      scan,
      occurredAt: at,
      units,
      amountCents: payerIsHost ? 0 : units * scan.unitValueCents,
      debit,
      scannerId,
    };
    this.visits.push(visit);
    this.visitsToday.set(visitKey, visit.id);
    if (place.takesSeat) this.seatsTaken.set(seatKey, seatsTaken + 1);
    if (debit > 0) this.remainingUnits.set(scan.passId, remaining! - debit);
    if (place.quotaMonth) this.daysUsed.set(quotaKey, daysUsed + 1);
    return accepted(visit.id, scan.passId);
  }
}
