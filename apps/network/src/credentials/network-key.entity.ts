import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { NetworkEntity } from '../networks/network.entity';

/**
 * A network's QR signing key. One is current (retired_at null); retired ones keep verifying the codes
 * they signed until those expire. The private key is always sealed (see KeyEncryption).
 */
@Entity('network_keys')
@Index('network_keys_current_key', ['networkId'], { unique: true, where: 'retired_at IS NULL' })
export class NetworkKeyEntity {
  /** RFC 7638 thumbprint of the public key. */
  @PrimaryColumn({ type: 'text' })
  kid: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id', foreignKeyConstraintName: 'network_keys_network_fkey' })
  network?: NetworkEntity;

  @Column({ type: 'jsonb' })
  publicJwk: Record<string, string>;

  @Column({ type: 'text' })
  sealedPrivateKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}
