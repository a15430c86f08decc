import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { ACCOUNTS_DATA_SOURCE } from '../accounts.data-source';
import { MAIL_SETTINGS, MailSettings } from './mail-outbox';

/** How long a sender holds a message it took: past it, another sender (or this one after a crash) retries. */
const LEASE_SECONDS = 300;
const SMTP_TIMEOUT_MS = 30_000;

/** MAIL_URL as nodemailer's options, with timeouts well inside the lease. */
function smtpOptions(mailUrl: string) {
  const url = new URL(mailUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  };
}

interface Due {
  id: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
}

/**
 * Sends the outbox's mail over SMTP, oldest first. A message is taken with a lease (so two senders,
 * or two processes across a restart, never send it at once), marked sent once the server accepted
 * it, and retried with a doubling delay while the server refuses or cannot be reached: a mail is
 * never lost. Shutting down waits for the message in flight to be marked, so a restart does not send
 * it again; only a crash between the server's acceptance and that mark can (its Message-ID is stable,
 * so the receiving side may tell).
 */
@Injectable()
export class MailSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private transport?: Transporter;
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    @InjectDataSource(ACCOUNTS_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(MAIL_SETTINGS) private readonly settings: MailSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.enabled || !this.settings.url) return;
    this.transport = createTransport(smtpOptions(this.settings.url));
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.transport?.close();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sendDue()
        .catch((error: Error) => this.logger.warn(`Mail sender: ${error.message}`))
        .finally(() => this.schedule(this.settings.pollIntervalMs));
    }, delayMs);
  }

  /** Sends every message now due, one after the other; how many the server accepted. */
  async sendDue(): Promise<number> {
    let sent = 0;
    for (;;) {
      if (this.stopped) return sent;
      const message = await this.take();
      if (!message) return sent;
      if (await this.send(message)) sent += 1;
    }
  }

  private async take(): Promise<Due | null> {
    const [rows]: [Due[]] = await this.dataSource.query(
      `UPDATE mail_messages SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $1)
        WHERE id = (SELECT id FROM mail_messages WHERE sent_at IS NULL AND next_attempt_at <= now()
                     ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, recipient, subject, text, html, attempts`,
      [LEASE_SECONDS],
    );
    return rows[0] ?? null;
  }

  private async send(message: Due): Promise<boolean> {
    try {
      await this.transport!.sendMail({
        from: this.settings.from,
        to: message.recipient,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<${message.id}@passerelle>`,
      });
    } catch (error) {
      const delayMs = Math.min(this.settings.retryMs * 2 ** (message.attempts - 1), this.settings.maxRetryMs);
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        `Mail ${message.id} not sent (attempt ${message.attempts}), retrying in ${delayMs} ms: ${reason}`,
      );
      await this.dataSource.query(
        `UPDATE mail_messages SET next_attempt_at = now() + make_interval(secs => $2), last_error = $3 WHERE id = $1`,
        [message.id, delayMs / 1000, reason.slice(0, 500)],
      );
      return false;
    }
    await this.dataSource.query(`UPDATE mail_messages SET sent_at = now(), last_error = NULL WHERE id = $1`, [
      message.id,
    ]);
    return true;
  }
}
