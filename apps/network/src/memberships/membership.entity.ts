import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NetworkEntity } from '../networks/network.entity';
import { SpaceEntity } from '../spaces/space.entity';
import { MembershipStatus } from './membership-status';

/** A space's place in a network: whether it takes the network's passes, how many nomads a day, at what price. */
@Entity('memberships')
@Index('memberships_network_space_key', ['networkId', 'spaceId'], { unique: true })
@Check('memberships_status', `status IN ('PENDING', 'ACTIVE', 'SUSPENDED')`)
@Check('memberships_nomad_seats', `nomad_seats IS NULL OR nomad_seats >= 0`)
@Check('memberships_credits_per_day', `credits_per_day >= 1`)
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id', foreignKeyConstraintName: 'memberships_network_fkey' })
  network?: NetworkEntity;

  @Index('memberships_space_idx')
  @Column({ type: 'uuid' })
  spaceId: string;

  @ManyToOne(() => SpaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id', foreignKeyConstraintName: 'memberships_space_fkey' })
  space?: SpaceEntity;

  @Column({ type: 'text' })
  status: MembershipStatus;

  /** Check-ins accepted per local day for the network's passes; null means no limit. */
  @Column({ type: 'integer', nullable: true })
  nomadSeats: number | null;

  @Column({ type: 'integer' })
  creditsPerDay: number;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt: Date;

  /** When it first became ACTIVE; kept through later suspensions. */
  @Column({ type: 'timestamptz', nullable: true })
  joinedAt: Date | null;
}
