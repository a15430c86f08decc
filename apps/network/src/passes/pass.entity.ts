import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, CreateDateColumn } from 'typeorm';
import { PartyKind } from '@passerelle/contracts';
import { PassKind } from '../products/pass-kind';
import { PassProductEntity } from '../products/pass-product.entity';

@Entity('passes')
@Check('passes_remaining_units', `remaining_units IS NULL OR remaining_units >= 0`)
@Check('passes_payer_kind', `payer_kind IN ('SPACE', 'NETWORK', 'ORGANIZATION')`)
export class PassEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('passes_serial_key', { unique: true })
  @Column({ type: 'text' })
  serial: string;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => PassProductEntity)
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'passes_product_fkey' })
  product?: PassProductEntity;

  /** Copied from the product: the check-in path reads the pass alone. */
  @Index('passes_network_idx')
  @Column({ type: 'uuid' })
  networkId: string;

  @Column({ type: 'text' })
  kind: PassKind;

  @Index('passes_holder_idx')
  @Column({ type: 'uuid' })
  holderId: string;

  @Column({ type: 'text' })
  payerKind: PartyKind;

  @Index('passes_payer_idx')
  @Column({ type: 'uuid' })
  payerId: string;

  /** RECIPROCAL: the member's home space, where visits are free. */
  @Column({ type: 'uuid', nullable: true })
  homeSpaceId: string | null;

  @Column({ type: 'uuid' })
  issuedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  validUntil: Date | null;

  /** COUPON_BOOK and CREDITS: what is left; debited by a conditional UPDATE at check-in. */
  @Column({ type: 'integer', nullable: true })
  remainingUnits: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  revokeReason: string | null;
}
