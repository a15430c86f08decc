import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * When a mail-sending request (a verification link, a reset link) was last allowed for a key (an
 * address or an account): the next one waits for the interval.
 */
@Entity('request_limits')
export class RequestLimitEntity {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'timestamptz' })
  lastAt: Date;
}
