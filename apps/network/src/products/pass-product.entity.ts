import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from '../common/columns';
import { NetworkEntity } from '../networks/network.entity';
import { PassKind } from './pass-kind';

@Entity('pass_products')
@Check('pass_products_kind', `kind IN ('COUPON_BOOK', 'CREDITS', 'RECIPROCAL', 'CORPORATE')`)
@Check('pass_products_unit_value', `unit_value_cents >= 0`)
export class PassProductEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('pass_products_network_idx')
  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id', foreignKeyConstraintName: 'pass_products_network_fkey' })
  network?: NetworkEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: PassKind;

  @Column({ type: 'integer', nullable: true })
  units: number | null;

  @Column({ type: 'integer', nullable: true })
  freeDaysPerMonth: number | null;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  unitValueCents: number;

  @Column({ type: 'integer', nullable: true })
  validityDays: number | null;

  @Column({ type: 'boolean', default: false })
  allowPrintedQr: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
