import { localDate, localMonth } from '@passerelle/calendar';
import { v7 as timeOrderedUuid } from 'uuid';
import { PartyKind } from '@passerelle/contracts';
import { PassKind } from '../products/pass-kind';
import { CheckInStatus, rejected, RejectionReason, StoredResult } from './check-in-result';
import type { ScanContext } from './scan-context';

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
 * took (a visit, a seat, a coupon, a quota day) is kept here on top of it.
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
    if (visitToday) {
      return {
        status: CheckInStatus.ACCEPTED,
        reason: null,
        message: 'Already checked in here today: welcome back, nothing more is charged.',
        repeat: true,
        visitId: visitToday,
        passId: scan.passId,
      };
    }
    // Rule 8.
    const seatsTaken = this.seatsTaken.get(seatKey) ?? state.seatsTaken;
    if (place.takesSeat && seatsTaken >= scan.nomadSeats!) return rejected(RejectionReason.SPACE_FULL, scan.passId);
    // Rule 9.
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
    return {
      status: CheckInStatus.ACCEPTED,
      reason: null,
      message: 'Welcome! Checked in for the day.',
      repeat: false,
      visitId: visit.id,
      passId: scan.passId,
    };
  }
}
