import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACCOUNTS_DATA_SOURCE } from '../accounts.data-source';
import { EmailTokenPurpose } from '../email-tokens/email-token.entity';
import { EmailTokensService } from '../email-tokens/email-tokens.service';
import { MailOutbox } from '../mail/mail-outbox';
import { UserEntity } from '../users/user.entity';
import { INVITED_DISPLAY_NAME, normalizeEmail } from '../users/users.service';
import { localeOf } from '../verification/verification.service';

/** What was given to the address, for the mail that tells its owner. */
export type Grant =
  | { kind: 'role'; role: 'NETWORK_ADMIN' | 'SPACE_OPERATOR'; scopeName: string }
  | { kind: 'pass'; productName: string; serial: string };

/**
 * Other subgraphs give roles and passes to an address. The grant is held by the address's account
 * (created here as an invitation when there is none) and counts only once that account has proved
 * it owns the address; the mail that says so carries an invitation token unless it already has.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource(ACCOUNTS_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly tokens: EmailTokensService,
    private readonly mail: MailOutbox,
  ) {}

  /**
   * The account for this email, created as an invitation when there is none (one statement, so two
   * concurrent invitations of the same address end with one account), and the mail about the grant.
   */
  async invite(email: string, grant?: Grant): Promise<{ id: string; email: string; claimed: boolean }> {
    const normalized = normalizeEmail(email);
    return this.dataSource.transaction(async (manager) => {
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO users AS u (email, display_name) VALUES ($1, $2)
         ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
        [normalized, INVITED_DISPLAY_NAME],
      );
      const user = await manager.findOneByOrFail(UserEntity, { id: row.id });
      if (grant) {
        // A pass is shown in the wallet, a role is used in the console; each page signs the invitee up.
        const page = grant.kind === 'pass' ? 'wallet/' : 'console/';
        const link = user.emailVerifiedAt
          ? this.mail.link(page, {})
          : this.mail.link(`${page}sign-up`, {
              invitation: await this.tokens.issue(manager, user.id, user.email, EmailTokenPurpose.INVITATION),
              email: user.email,
            });
        await this.mail.enqueue(manager, user.email, localeOf(user), {
          ...grant,
          link,
          invitation: !user.emailVerifiedAt,
        });
      }
      return { id: user.id, email: user.email, claimed: user.passwordHash !== null };
    });
  }
}
