import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Days a RECIPROCAL or CORPORATE pass used in one network month; the quota is checked on this row. */
@Entity('pass_month_usage')
export class PassMonthUsageEntity {
  @PrimaryColumn({ type: 'uuid' })
  passId: string;

  /** YYYY-MM in the network's timezone. */
  @PrimaryColumn({ type: 'text' })
  month: string;

  @Column({ type: 'integer' })
  daysUsed: number;
}
