import type { AccessClaims } from '@passerelle/auth';
import { isUuid } from '@passerelle/database';
import type { DataSource } from 'typeorm';

/**
 * This subgraph owns the truth: a token from before the account's last password reset is refused,
 * and whether the address is verified is read as it is now.
 */
export async function checkAccessClaims(
  dataSource: DataSource,
  claims: AccessClaims,
): Promise<{ emailVerified: boolean } | null> {
  if (!isUuid(claims.userId)) return null;
  const [row]: Array<{ credential_version: number; verified: boolean }> = await dataSource.query(
    `SELECT credential_version, email_verified_at IS NOT NULL AS verified FROM users WHERE id = $1`,
    [claims.userId],
  );
  if (!row || claims.credentialVersion < row.credential_version) return null;
  return { emailVerified: row.verified };
}
