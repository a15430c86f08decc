import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SettlementMode } from './settlement-mode';

@Entity('networks')
@Check('networks_settlement_mode', `settlement_mode IN ('DIRECT', 'CENTRAL')`)
export class NetworkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('networks_slug_key', { unique: true })
  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'text' })
  timezone: string;

  @Column({ type: 'text' })
  settlementMode: SettlementMode;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
