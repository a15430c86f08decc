import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { StoredResult } from './check-in-outcome';

/**
 * One scan, by its idempotency key at its space, with the result it got: sending the key again
 * returns this result and changes nothing. The row is inserted first in the check-in transaction,
 * so a concurrent scan with the same key waits for it. Records are kept for CHECK_IN_RETENTION_DAYS
 * (check-in-policy.ts), longer than any scan can still be accepted.
 */
@Entity('check_ins')
export class CheckInEntity {
  @PrimaryColumn({ type: 'uuid' })
  spaceId: string;

  @PrimaryColumn({ type: 'text' })
  idempotencyKey: string;

  /** Hash of what was sent (credential, explicit occurredAt): the same key with other data is a CONFLICT. */
  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'jsonb', nullable: true })
  result: StoredResult | null;

  /** Rows arrive in time order: the index only ever grows at its right end, and finds the oldest first. */
  @Index('check_ins_received_at_idx')
  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt: Date;
}
