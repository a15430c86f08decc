import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { BadUserInputError } from '@passerelle/graphql';
import { IsNull, Not, Repository } from 'typeorm';
import { ACCOUNTS_DATA_SOURCE } from '../accounts.data-source';
import { normalizeEmail } from '../users/users.service';
import { MailMessageEntity } from './mail-message.entity';
import { MailMessage } from './mail-message.model';
import { MailOutbox } from './mail-outbox';

const MAX_FIRST = 100;

/**
 * Development only: with no SMTP server, mail stays in the database and anyone may read it here (the
 * README's first session follows a verification link this way). Null wherever mail is really sent.
 */
@Resolver()
export class DevMailboxResolver {
  constructor(
    @InjectRepository(MailMessageEntity, ACCOUNTS_DATA_SOURCE) private readonly messages: Repository<MailMessageEntity>,
    private readonly outbox: MailOutbox,
  ) {}

  @Query(() => [MailMessage], {
    nullable: true,
    description:
      'Development only (NODE_ENV != production, no MAIL_URL): the messages the dev mailbox holds, newest first',
  })
  async devMailbox(
    @Args('to', { nullable: true }) to?: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null = 20,
  ): Promise<MailMessage[] | null> {
    if (!this.outbox.devMailbox) return null;
    first ??= 20;
    if (first < 1 || first > MAX_FIRST)
      throw new BadUserInputError('first', `first must be between 1 and ${MAX_FIRST}.`);
    const rows = await this.messages.find({
      where: { sentAt: Not(IsNull()), ...(to ? { recipient: normalizeEmail(to) } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: first,
    });
    return rows.map((row) => ({
      id: row.id,
      to: row.recipient,
      subject: row.subject,
      text: row.text,
      links: row.links,
      sentAt: row.sentAt!,
    }));
  }
}
