import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Log-in attempts counted per key: `email:<address>` or `ip:<client address>`. */
@Entity('login_failures')
export class LoginFailureEntity {
  @PrimaryColumn({ type: 'text' })
  key: string;

  /** Failed attempts in the current window. */
  @Column({ type: 'int' })
  failures: number;

  /** Attempts let through whose password is still being checked: they hold a place under the limit. */
  @Column({ type: 'int', default: 0 })
  pending: number;

  @Column({ type: 'timestamptz' })
  windowStartedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
