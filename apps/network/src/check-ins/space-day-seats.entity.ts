import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Nomad seats taken at a space for one network on one local day; the limit is checked on this row. */
@Entity('space_day_seats')
export class SpaceDaySeatsEntity {
  @PrimaryColumn({ type: 'uuid' })
  networkId: string;

  @PrimaryColumn({ type: 'uuid' })
  spaceId: string;

  @PrimaryColumn({ type: 'text' })
  localDate: string;

  @Column({ type: 'integer' })
  taken: number;
}
