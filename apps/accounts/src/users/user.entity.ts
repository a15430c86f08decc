import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored trimmed and lowercased: one account per address. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text' })
  displayName: string;

  /** Null while the account is only invited (by a pass or a role grant) and not yet claimed at sign-up. */
  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  /** When the account proved it owns the address (a link from a mail); null until then. */
  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  /** Grows at each password reset; access tokens carry it, and older ones are refused everywhere. */
  @Column({ type: 'integer', default: 0 })
  credentialVersion: number;

  /** The language of the user's mail: fr or en. */
  @Column({ type: 'text', default: 'fr' })
  locale: string;
}
