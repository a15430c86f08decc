import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NetworkEntity } from '../networks/network.entity';

/** An employer billed for its employees' visits (CORPORATE passes), within one network. */
@Entity('organizations')
@Index('organizations_network_name_key', ['networkId', 'name'], { unique: true })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  networkId: string;

  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id', foreignKeyConstraintName: 'organizations_network_fkey' })
  network?: NetworkEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
