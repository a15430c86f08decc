import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Every accepted visit as settlement knows it, with the period it was settled in (also for visits
 * that cost nothing: `Visit.periodMonth` is answered from here). The partial index holds only the
 * visits settled outside their own month (late arrivals): the month filter of `visits` asks for those.
 */
@Entity('settled_visits')
@Index('settled_visits_moved_idx', ['networkId', 'networkMonth', 'periodMonth'], {
  where: 'network_month <> period_month',
})
export class SettledVisitEntity {
  @PrimaryColumn({ type: 'uuid' })
  visitId: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @Column({ type: 'uuid' })
  hostSpaceId: string;

  @Column({ type: 'text' })
  payerKind: string;

  @Column({ type: 'uuid' })
  payerId: string;

  @Column({ type: 'bigint' })
  amountCents: string;

  /** The visit's own month in the network's timezone. */
  @Column({ type: 'text' })
  networkMonth: string;

  /** Its own month, or the earliest open one after it when its own was already closed on arrival. */
  @Column({ type: 'text' })
  periodMonth: string;

  @Column({ type: 'timestamptz', nullable: true })
  voidedAt: Date | null;
}
