import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PeriodFigures } from './period-figures';

/** A closed period and its figures, frozen when it closed. An open period has no row. */
@Entity('closed_periods')
export class ClosedPeriodEntity {
  @PrimaryColumn({ type: 'uuid' })
  networkId: string;

  @PrimaryColumn({ type: 'text' })
  month: string;

  @Column({ type: 'timestamptz' })
  closedAt: Date;

  @Column({ type: 'uuid' })
  closedBy: string;

  @Column({ type: 'jsonb' })
  figures: PeriodFigures;
}
