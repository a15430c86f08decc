import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A mail to send: the outbox row is written in the transaction that causes it, so it exists exactly
 * when the change commits. The sender sets `sentAt` once the SMTP server took it; without MAIL_URL the
 * rows are the dev mailbox, `sentAt` set at once.
 */
@Entity('mail_messages')
@Index('mail_messages_pending_idx', ['nextAttemptAt'], { where: 'sent_at IS NULL' })
export class MailMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  html: string;

  /** The links the message carries, in order (for the dev mailbox). */
  @Column({ type: 'jsonb' })
  links: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Also the lease of a sender that took it: nobody else tries before then. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** The SMTP server's last refusal, without the message (for the operator). */
  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
