import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PartyKind } from '@passerelle/contracts';
import { bigintAsNumber } from '../common/columns';
import { PassEntity } from '../passes/pass.entity';
import { SpaceEntity } from '../spaces/space.entity';

export enum VisitStatus {
  ACCEPTED = 'ACCEPTED',
  VOIDED = 'VOIDED',
}

/**
 * An accepted check-in: the obligation payer → host. At most one ACCEPTED visit per pass, space and
 * local day (the partial unique index is what makes a second scan a repeat, even under a race). That
 * index leads with the day so that a check-in reads and writes only its recent end, however much
 * history the table holds.
 */
@Entity('visits')
@Index('visits_one_per_day', ['localDate', 'passId', 'spaceId'], { unique: true, where: `status = 'ACCEPTED'` })
@Index('visits_network_month_idx', ['networkId', 'networkMonth'])
@Check('visits_status', `status IN ('ACCEPTED', 'VOIDED')`)
export class VisitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('visits_pass_idx')
  @Column({ type: 'uuid' })
  passId: string;

  @ManyToOne(() => PassEntity)
  @JoinColumn({ name: 'pass_id', foreignKeyConstraintName: 'visits_pass_fkey' })
  pass?: PassEntity;

  @Index('visits_space_idx')
  @Column({ type: 'uuid' })
  spaceId: string;

  @ManyToOne(() => SpaceEntity)
  @JoinColumn({ name: 'space_id', foreignKeyConstraintName: 'visits_space_fkey' })
  space?: SpaceEntity;

  @Column({ type: 'uuid' })
  networkId: string;

  @Column({ type: 'text' })
  payerKind: PartyKind;

  @Column({ type: 'uuid' })
  payerId: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  /** YYYY-MM-DD in the host space's timezone. */
  @Column({ type: 'text' })
  localDate: string;

  /** YYYY-MM in the network's timezone: the month it is settled in. */
  @Column({ type: 'text' })
  networkMonth: string;

  @Column({ type: 'integer' })
  units: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amountCents: number;

  @Column({ type: 'text' })
  status: VisitStatus;

  /** Whether it holds one of the space's nomad seats that day (given back when voided). */
  @Column({ type: 'boolean' })
  tookSeat: boolean;

  /** The network month whose quota it counts against, if any (given back when voided). */
  @Column({ type: 'text', nullable: true })
  quotaMonth: string | null;

  @Column({ type: 'uuid', nullable: true })
  scannerId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  voidReason: string | null;
}
