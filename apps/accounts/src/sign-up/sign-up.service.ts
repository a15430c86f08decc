import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACCOUNTS_DATA_SOURCE } from '../accounts.data-source';
import { EmailTokenPurpose } from '../email-tokens/email-token.entity';
import { refusals } from '../email-tokens/email-tokens.errors';
import { EmailTokensService } from '../email-tokens/email-tokens.service';
import { MailOutbox } from '../mail/mail-outbox';
import { RequestLimitsService } from '../request-limits/request-limits.service';
import { SignUpInput } from '../sessions/dto/sign-up.input';
import { PasswordHasher } from '../sessions/password-hasher';
import { EmailTakenError } from '../sessions/sessions.errors';
import { Session, SessionsService } from '../sessions/sessions.service';
import { DEFAULT_LOCALE, requireLocale } from '../users/locale';
import { UserEntity } from '../users/user.entity';
import { localeOf, VerificationService } from '../verification/verification.service';

/** At most one "someone signed up with your address" notice an hour per address. */
const NOTICE_INTERVAL_SECONDS = 3600;

@Injectable()
export class SignUpService {
  constructor(
    @InjectDataSource(ACCOUNTS_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly tokens: EmailTokensService,
    private readonly verification: VerificationService,
    private readonly mail: MailOutbox,
    private readonly limits: RequestLimitsService,
  ) {}

  /**
   * Creates the account, or claims the invited account for this email, unverified: a verification link
   * is mailed, and nothing granted to the address counts until it is used. With an invitation token
   * the mailbox is proved at once. The insert-or-claim is one statement, so two sign-ups racing for
   * the same email end with one account and one CONFLICT (whose owner is told by mail).
   */
  async signUp(input: SignUpInput): Promise<Session> {
    const locale = input.locale ? requireLocale(input.locale, 'input.locale') : DEFAULT_LOCALE;
    const passwordHash = await this.passwords.hash(input.password);
    if (input.invitationToken) return this.signUpInvited(input, locale, passwordHash);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const rows: Array<{ id: string }> = await manager.query(
          `INSERT INTO users AS u (email, display_name, password_hash, claimed_at, locale)
           VALUES ($1, $2, $3, now(), $4)
           ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name,
             password_hash = EXCLUDED.password_hash, claimed_at = now(), locale = EXCLUDED.locale
           WHERE u.password_hash IS NULL
           RETURNING id`,
          [input.email, input.displayName, passwordHash, locale],
        );
        if (rows.length === 0) throw new EmailTakenError();
        const user = await manager.findOneByOrFail(UserEntity, { id: rows[0].id });
        await this.verification.sendLink(manager, user);
        return this.sessions.openSession(manager, user);
      });
    } catch (error) {
      if (error instanceof EmailTakenError) await this.noticeOwner(input.email);
      throw error;
    }
  }

  /**
   * The invitation proves the mailbox, the new password the rest: like a password reset, whoever had
   * signed up with the address before (unverified) loses the account and every session of it.
   */
  private signUpInvited(input: SignUpInput, locale: string, passwordHash: string): Promise<Session> {
    const field = 'input.invitationToken';
    return this.dataSource.transaction(async (manager) => {
      const spent = await this.tokens.consume(manager, input.invitationToken!, EmailTokenPurpose.INVITATION, field);
      const user = await manager.findOneByOrFail(UserEntity, { id: spent.userId });
      if (spent.email !== input.email || user.email !== input.email) {
        throw refusals.otherAccount(field);
      }
      // Its owner has proved the address already: they log in (or reset their password).
      if (user.emailVerifiedAt && user.passwordHash) throw new EmailTakenError();
      await manager.update(
        UserEntity,
        { id: user.id },
        { passwordHash, displayName: input.displayName, locale, claimedAt: () => 'now()' },
      );
      const proved = await this.verification.prove(manager, user, { takeOver: true });
      return this.sessions.openSession(manager, proved);
    });
  }

  /** Tells the owner of the address, at most once an hour; never fails the sign-up's answer. */
  private async noticeOwner(email: string): Promise<void> {
    try {
      await this.limits.take([`notice:email:${email}`], NOTICE_INTERVAL_SECONDS);
    } catch {
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      const owner = await manager.findOneBy(UserEntity, { email });
      if (!owner) return;
      await this.mail.enqueue(manager, owner.email, localeOf(owner), {
        kind: 'signUpAttempt',
        link: this.mail.link('wallet/', {}),
      });
    });
  }
}
