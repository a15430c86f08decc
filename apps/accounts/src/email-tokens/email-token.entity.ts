import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum EmailTokenPurpose {
  VERIFICATION = 'VERIFICATION',
  INVITATION = 'INVITATION',
  PASSWORD_RESET = 'PASSWORD_RESET',
}

/**
 * A token sent in a mail. The token is `<id>.<secret>`: the row is found by its id and the secret
 * compared with its hash in constant time; the secret itself is never stored.
 */
@Entity('email_tokens')
export class EmailTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  purpose: EmailTokenPurpose;

  /** The address it was sent to: it proves that address only, if the account's has changed since. */
  @Column({ type: 'text' })
  email: string;

  /** SHA-256 of the secret. */
  @Column({ type: 'text' })
  secretHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
