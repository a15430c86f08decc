import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * How far the settlement subgraph has read another subgraph's outbox. It moves in the same
 * transaction as the charges of the events it covers, so a crash can neither lose nor repeat one.
 */
@Entity('consumer_positions')
export class ConsumerPositionEntity {
  @PrimaryColumn({ type: 'text' })
  source: string;

  /** `<transaction id>:<event id>` of the last event recorded. */
  @Column({ type: 'text' })
  position: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
