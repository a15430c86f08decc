import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed log-ins counted per key: `email:<address>` or `ip:<client address>`. */
@Entity('login_failures')
export class LoginFailureEntity {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'int' })
  failures: number;

  @Column({ type: 'timestamptz' })
  windowStartedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
