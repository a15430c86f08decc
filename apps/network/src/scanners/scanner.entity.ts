import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SpaceEntity } from '../spaces/space.entity';

/** A front-desk device. Its token is kept only as a SHA-256 hash: a database leak reveals no token. */
@Entity('scanners')
export class ScannerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('scanners_space_idx')
  @Column({ type: 'uuid' })
  spaceId: string;

  @ManyToOne(() => SpaceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'space_id', foreignKeyConstraintName: 'scanners_space_fkey' })
  space?: SpaceEntity;

  @Column({ type: 'text' })
  name: string;

  @Index('scanners_token_hash_key', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
