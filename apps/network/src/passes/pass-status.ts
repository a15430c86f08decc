import { PassEntity } from './pass.entity';
import { PassStatus } from './pass.model';

/** A pass's status at an instant: revoked wins, then its validity end. */
export function passStatusAt(pass: PassEntity, at: Date): PassStatus {
  if (pass.revokedAt) return PassStatus.REVOKED;
  if (pass.validUntil && pass.validUntil.getTime() < at.getTime()) return PassStatus.EXPIRED;
  return PassStatus.ACTIVE;
}
