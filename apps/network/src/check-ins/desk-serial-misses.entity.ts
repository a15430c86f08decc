import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per desk (scanner or operator account) that has typed a serial: how many of its serials
 * named no pass in the current minute (serial-guesses.ts). The minute is reset in place, so the table
 * never grows beyond one row per desk.
 */
@Entity('desk_serial_misses')
export class DeskSerialMissesEntity {
  @PrimaryColumn({ type: 'uuid' })
  deskId: string;

  @Column({ type: 'timestamptz' })
  minute: Date;

  @Column({ type: 'integer' })
  misses: number;
}
