import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NetworkEntity } from '../networks/network.entity';
import { SpaceEntity } from '../spaces/space.entity';
import { Role } from './role';

/**
 * A person's role on one network (NETWORK_ADMIN) or one space (SPACE_OPERATOR). The user id is the
 * accounts subgraph's: no foreign key crosses subgraphs.
 */
@Entity('role_grants')
@Check(
  'role_grants_scope',
  `(role = 'NETWORK_ADMIN' AND network_id IS NOT NULL AND space_id IS NULL) OR (role = 'SPACE_OPERATOR' AND space_id IS NOT NULL AND network_id IS NULL)`,
)
@Index('role_grants_network_admin_key', ['userId', 'networkId'], { unique: true, where: `role = 'NETWORK_ADMIN'` })
@Index('role_grants_space_operator_key', ['userId', 'spaceId'], { unique: true, where: `role = 'SPACE_OPERATOR'` })
export class RoleGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  role: Role;

  @Index('role_grants_network_idx')
  @Column({ type: 'uuid', nullable: true })
  networkId: string | null;

  @ManyToOne(() => NetworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id', foreignKeyConstraintName: 'role_grants_network_fkey' })
  network?: NetworkEntity;

  @Index('role_grants_space_idx')
  @Column({ type: 'uuid', nullable: true })
  spaceId: string | null;

  @ManyToOne(() => SpaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id', foreignKeyConstraintName: 'role_grants_space_fkey' })
  space?: SpaceEntity;

  /** Who granted it; null for the founder's own grant at registration. */
  @Column({ type: 'uuid', nullable: true })
  grantedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt: Date;
}
