import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event written by a subgraph in the same transaction as the change it describes. Each producing
 * subgraph lists this entity, so the table lives in its own schema.
 */
@Entity('outbox')
@Index('outbox_position_idx', ['transactionId', 'id'])
export class OutboxEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /**
   * The writing transaction (pg_current_xact_id()). Ids are handed out before commit, so a reader
   * ordering by id alone could pass over a slower transaction's event; ordering by transaction and
   * reading only transactions older than every running one never does.
   */
  @Column({ type: 'bigint' })
  transactionId: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
