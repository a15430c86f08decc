import { SYNC_WINDOW_DAYS } from './check-in-policy';

// What a scan comes to, as plain data: the rules decide it, the transaction stores it, and
// check-in-result.ts gives it its GraphQL shape.

export enum CheckInStatus {
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}

export enum RejectionReason {
  INVALID_CREDENTIAL = 'INVALID_CREDENTIAL',
  EXPIRED_CREDENTIAL = 'EXPIRED_CREDENTIAL',
  PASS_NOT_ACTIVE = 'PASS_NOT_ACTIVE',
  NOT_VALID_AT_SPACE = 'NOT_VALID_AT_SPACE',
  PASS_EXHAUSTED = 'PASS_EXHAUSTED',
  QUOTA_EXCEEDED = 'QUOTA_EXCEEDED',
  SPACE_FULL = 'SPACE_FULL',
  OUTSIDE_SYNC_WINDOW = 'OUTSIDE_SYNC_WINDOW',
}

/** The sentence the front desk reads out, per reason. */
export const REJECTION_MESSAGES: Record<RejectionReason, string> = {
  INVALID_CREDENTIAL: 'This code is not a valid pass of any network here.',
  EXPIRED_CREDENTIAL: 'This QR code has expired: ask the holder to show a fresh one.',
  PASS_NOT_ACTIVE: 'This pass is revoked or past its end date.',
  NOT_VALID_AT_SPACE: "This space does not currently accept this pass's network.",
  PASS_EXHAUSTED: 'This pass has no coupons or credits left for a day here.',
  QUOTA_EXCEEDED: "This pass has used all of this month's days.",
  SPACE_FULL: "All of today's nomad seats for this network are taken.",
  OUTSIDE_SYNC_WINDOW: `This scan is more than ${SYNC_WINDOW_DAYS} days old or in the future, and cannot be recorded.`,
};

/** The sentences the front desk reads out when the pass gets in. */
export const ACCEPTED_MESSAGE = 'Welcome! Checked in for the day.';
export const REPEAT_MESSAGE = 'Already checked in here today: welcome back, nothing more is charged.';

/** What is kept with the idempotency key, and given again for a repeated key. */
export interface StoredResult {
  status: CheckInStatus;
  reason: RejectionReason | null;
  message: string;
  repeat: boolean;
  visitId: string | null;
  passId: string | null;
}

/**
 * The refusals after which the desk sees the pass: it is valid at this space and only today's seats
 * or its balance stop it, so the desk may tell the holder what is left. Any other refusal comes from
 * a desk the pass is not for (another network, a membership not ACTIVE, a revoked or ended pass),
 * which is owed nothing about it: no serial, balance, payer or holder, the reason and its sentence
 * say all the desk needs. The rule applies when a result is read, stored results included.
 */
const PASS_SHOWN_WHEN_REJECTED = new Set<RejectionReason | null>([
  RejectionReason.SPACE_FULL,
  RejectionReason.PASS_EXHAUSTED,
  RejectionReason.QUOTA_EXCEEDED,
]);

/** The pass this result may show the desk, if any. */
export function passShownBy(result: StoredResult): string | null {
  const shown = result.status === CheckInStatus.ACCEPTED || PASS_SHOWN_WHEN_REJECTED.has(result.reason);
  return shown ? result.passId : null;
}

export function rejected(reason: RejectionReason, passId: string | null = null): StoredResult {
  return {
    status: CheckInStatus.REJECTED,
    reason,
    message: REJECTION_MESSAGES[reason],
    repeat: false,
    visitId: null,
    passId,
  };
}

/** A new visit (rule 10). */
export function accepted(visitId: string, passId: string): StoredResult {
  return { status: CheckInStatus.ACCEPTED, reason: null, message: ACCEPTED_MESSAGE, repeat: false, visitId, passId };
}

/** Rule 7: the pass's visit at this space that day, given again. */
export function alreadyIn(visitId: string, passId: string): StoredResult {
  return { status: CheckInStatus.ACCEPTED, reason: null, message: REPEAT_MESSAGE, repeat: true, visitId, passId };
}
