import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Locale } from '../users/locale';
import { MailMessageEntity } from './mail-message.entity';
import { MailKind, renderMail } from './mail-templates';

export const MAIL_SETTINGS = Symbol('MAIL_SETTINGS');

export interface MailSettings {
  /** SMTP server (smtp://…, smtps://…); absent: the dev mailbox keeps every mail, nothing is sent. */
  url?: string;
  from: string;
  /** The base of every link (the web app), read when first needed. */
  publicUrl: () => string;
  /** The sender's polling interval and first retry delay (doubling up to `maxRetryMs`). */
  pollIntervalMs: number;
  retryMs: number;
  maxRetryMs: number;
  /** False builds the subgraph without a sender (supergraph composition). */
  enabled: boolean;
}

/** Writes mails into the outbox, in the transaction of what causes them. */
@Injectable()
export class MailOutbox {
  constructor(@Inject(MAIL_SETTINGS) private readonly settings: MailSettings) {}

  /** A link to a page of the web app, built from PUBLIC_URL. */
  link(path: string, params: Record<string, string>): string {
    const url = new URL(path, this.settings.publicUrl().replace(/\/?$/, '/'));
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return url.toString();
  }

  async enqueue(manager: EntityManager, recipient: string, locale: Locale, mail: MailKind): Promise<void> {
    const content = renderMail(mail, locale);
    // The dev mailbox is where a mail ends: it is "sent" the moment it exists.
    const devMailbox = this.settings.url === undefined;
    await manager.insert(MailMessageEntity, {
      recipient,
      subject: content.subject,
      text: content.text,
      html: content.html,
      links: content.links,
      sentAt: devMailbox ? () => 'now()' : null,
    });
  }

  get devMailbox(): boolean {
    return this.settings.url === undefined;
  }
}
