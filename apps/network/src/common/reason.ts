import { BadUserInputError } from '@passerelle/graphql';

/** Long enough for a sentence or two at a front desk; a reason is read by people, not parsed. */
export const MAX_REASON_LENGTH = 500;

/** A reason given for undoing something (a revoked pass, a voided visit): trimmed, said, not too long. */
export function requireReason(reason: string, missing: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw new BadUserInputError('reason', missing);
  if (trimmed.length > MAX_REASON_LENGTH) {
    throw new BadUserInputError('reason', `reason must be at most ${MAX_REASON_LENGTH} characters.`);
  }
  return trimmed;
}
