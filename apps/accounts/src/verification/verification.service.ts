import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError } from '@passerelle/graphql';
import { DataSource, EntityManager } from 'typeorm';
import { ACCOUNTS_DATA_SOURCE } from '../accounts.data-source';
import { EmailTokenPurpose } from '../email-tokens/email-token.entity';
import { refusals } from '../email-tokens/email-tokens.errors';
import { EmailTokensService } from '../email-tokens/email-tokens.service';
import { MailOutbox } from '../mail/mail-outbox';
import { RequestLimitsService } from '../request-limits/request-limits.service';
import { CredentialsReportClient } from '../users/credentials-report.client';
import { isLocale, DEFAULT_LOCALE } from '../users/locale';
import { UserEntity } from '../users/user.entity';

/** One verification link a minute, per account and per address. */
const REQUEST_INTERVAL_SECONDS = 60;

/**
 * Proof that an account owns its address: a link from the mailbox, presented by the account's own
 * session (a link proves who reads the mailbox, not who set the password). Once proved, what was
 * granted to the address reaches the account.
 */
@Injectable()
export class VerificationService {
  constructor(
    @InjectDataSource(ACCOUNTS_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly tokens: EmailTokensService,
    private readonly mail: MailOutbox,
    private readonly limits: RequestLimitsService,
    private readonly credentials: CredentialsReportClient,
  ) {}

  /** Writes a verification link for the account's address into the outbox (the caller's transaction). */
  async sendLink(manager: EntityManager, user: UserEntity): Promise<void> {
    const token = await this.tokens.issue(manager, user.id, user.email, EmailTokenPurpose.VERIFICATION);
    await this.mail.enqueue(manager, user.email, localeOf(user), {
      kind: 'verify',
      link: this.mail.link('wallet/verify-email', { token }),
    });
  }

  /** A new link for the caller, unless already verified (then nothing is sent). */
  async request(userId: string): Promise<void> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw new NotFoundError('User', userId);
    if (user.emailVerifiedAt) return;
    await this.limits.take([`verify:user:${user.id}`, `verify:email:${user.email}`], REQUEST_INTERVAL_SECONDS);
    await this.dataSource.transaction((manager) => this.sendLink(manager, user));
  }

  /** Spends the caller's own token; any other account's is refused, whoever reads the mailbox. */
  async verify(userId: string, token: string): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const spent = await this.tokens.consume(manager, token, EmailTokenPurpose.VERIFICATION, 'token', userId);
      const user = await manager.findOneByOrFail(UserEntity, { id: userId });
      if (spent.email !== user.email) throw refusals.invalid('token');
      return this.prove(manager, user, { takeOver: false });
    });
  }

  /**
   * Marks the address verified and tells the network subgraph before this transaction commits. A
   * take-over (a reset, or an invitation used at sign-up: the mailbox and a new password together)
   * also raises the credential version and revokes every session: whoever had signed up with the
   * address before keeps nothing, and their access tokens are refused everywhere.
   */
  async prove(manager: EntityManager, user: UserEntity, { takeOver }: { takeOver: boolean }): Promise<UserEntity> {
    const [rows]: [Array<{ credential_version: number }>] = await manager.query(
      `UPDATE users SET email_verified_at = coalesce(email_verified_at, now()),
              credential_version = credential_version + $2
        WHERE id = $1 RETURNING credential_version`,
      [user.id, takeOver ? 1 : 0],
    );
    if (takeOver) {
      await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
        user.id,
      ]);
    }
    await this.credentials.report(user.id, rows[0].credential_version, true);
    return manager.findOneByOrFail(UserEntity, { id: user.id });
  }
}

export function localeOf(user: UserEntity) {
  return isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
}
