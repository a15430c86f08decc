import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccessClaims } from '@passerelle/auth';
import { isUuid } from '@passerelle/database';
import { DataSource } from 'typeorm';
import { NETWORK_DATA_SOURCE } from '../network.data-source';

/** Judges access tokens against the credential versions accounts has reported (one indexed read). */
@Injectable()
export class AccountCredentialsService {
  constructor(@InjectDataSource(NETWORK_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Null when the token predates the account's last password reset; else whether the address is verified. */
  async check(claims: AccessClaims): Promise<{ emailVerified: boolean } | null> {
    if (!isUuid(claims.userId)) return null;
    const [row]: Array<{ version: number; email_verified: boolean }> = await this.dataSource.query(
      `SELECT version, email_verified FROM account_credentials WHERE user_id = $1`,
      [claims.userId],
    );
    if (!row) return { emailVerified: claims.emailVerified };
    if (claims.credentialVersion < row.version) return null;
    // A verification reported since the token was issued counts at once; the token need not be refreshed.
    return { emailVerified: claims.emailVerified || (row.email_verified && claims.credentialVersion === row.version) };
  }

  /** Never goes back: a report that arrives late (an older version) changes nothing. */
  async record(userId: string, version: number, emailVerified: boolean): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO account_credentials AS c (user_id, version, email_verified) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET version = EXCLUDED.version, email_verified = EXCLUDED.email_verified,
         updated_at = now()
       WHERE c.version < EXCLUDED.version OR (c.version = EXCLUDED.version AND EXCLUDED.email_verified)`,
      [userId, version, emailVerified],
    );
  }
}
