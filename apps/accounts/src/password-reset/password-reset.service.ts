import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as delay } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { ACCOUNTS_DATA_SOURCE } from '../accounts.data-source';
import { EmailTokenPurpose } from '../email-tokens/email-token.entity';
import { refusals } from '../email-tokens/email-tokens.errors';
import { EmailTokensService } from '../email-tokens/email-tokens.service';
import { MailOutbox } from '../mail/mail-outbox';
import { RequestLimitsService } from '../request-limits/request-limits.service';
import { PasswordHasher } from '../sessions/password-hasher';
import { Session, SessionsService } from '../sessions/sessions.service';
import { UserEntity } from '../users/user.entity';
import { localeOf, VerificationService } from '../verification/verification.service';
import { ResetPasswordInput } from './reset-password.input';

const REQUEST_INTERVAL_SECONDS = 60;
/**
 * Every request takes at least this long, mail or not: the answer's timing must not tell whether an
 * account has the address (writing a token and a mail takes a few milliseconds more).
 */
const REQUEST_MIN_MS = 200;

@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource(ACCOUNTS_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly tokens: EmailTokensService,
    private readonly mail: MailOutbox,
    private readonly limits: RequestLimitsService,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly verification: VerificationService,
  ) {}

  /** Sends a reset link when an account has this address; the same answer, in the same time, when none does. */
  async request(email: string): Promise<void> {
    const started = Date.now();
    try {
      // Limited per address whether or not it has an account: the refusal must not tell either.
      await this.limits.take([`reset:email:${email}`], REQUEST_INTERVAL_SECONDS);
      const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
      if (user?.passwordHash) {
        await this.limits.take([`reset:user:${user.id}`], REQUEST_INTERVAL_SECONDS);
        await this.dataSource.transaction(async (manager) => {
          const token = await this.tokens.issue(manager, user.id, user.email, EmailTokenPurpose.PASSWORD_RESET);
          await this.mail.enqueue(manager, user.email, localeOf(user), {
            kind: 'reset',
            link: this.mail.link('wallet/reset-password', { token }),
          });
        });
      }
    } finally {
      await delay(Math.max(0, REQUEST_MIN_MS - (Date.now() - started)));
    }
  }

  /**
   * The mailbox and a new password together: the password changes, the address counts as verified,
   * every other session ends (and its access tokens are refused everywhere), and the caller is logged in.
   */
  async reset(input: ResetPasswordInput): Promise<Session> {
    const passwordHash = await this.passwords.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      const spent = await this.tokens.consume(manager, input.token, EmailTokenPurpose.PASSWORD_RESET, 'input.token');
      const user = await manager.findOneByOrFail(UserEntity, { id: spent.userId });
      if (spent.email !== user.email) throw refusals.invalid('input.token');
      await manager.update(UserEntity, { id: user.id }, { passwordHash });
      const proved = await this.verification.prove(manager, user, { takeOver: true });
      return this.sessions.openSession(manager, proved);
    });
  }
}
