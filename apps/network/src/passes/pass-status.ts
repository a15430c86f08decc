import type { PassEntity } from './pass.entity';

export enum PassStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

/**
 * A pass's status at an instant: revoked wins, then its validity end. The one definition of a pass
 * in use: the check-in (rule 5) asks it, and pass-bounds.ts's `inUse` is its SQL.
 */
export function passStatusAt(pass: Pick<PassEntity, 'revokedAt' | 'validUntil'>, at: Date): PassStatus {
  if (pass.revokedAt) return PassStatus.REVOKED;
  if (pass.validUntil && pass.validUntil.getTime() < at.getTime()) return PassStatus.EXPIRED;
  return PassStatus.ACTIVE;
}
