import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What one payer owes one host in one period: +1 visit and its amount for an accepted visit, −1 and
 * the negative amount for a void that arrives after the visit's period closed. Periods are sums of
 * these rows, grouped by PostgreSQL.
 */
@Entity('charges')
@Index('charges_period_idx', ['networkId', 'periodMonth'])
@Index('charges_visit_idx', ['visitId'])
export class ChargeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @Column({ type: 'text' })
  periodMonth: string;

  @Column({ type: 'uuid' })
  visitId: string;

  @Column({ type: 'uuid' })
  hostSpaceId: string;

  @Column({ type: 'text' })
  payerKind: string;

  @Column({ type: 'uuid' })
  payerId: string;

  @Column({ type: 'smallint' })
  visits: number;

  @Column({ type: 'bigint' })
  amountCents: string;
}
