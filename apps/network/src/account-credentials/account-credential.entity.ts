import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * What the accounts subgraph told this one about an account's credentials: the version its access
 * tokens must carry at least (it grows at each password reset) and whether its address is verified.
 * Accounts writes here before it commits a verification or a reset, so every access token can be
 * judged on the spot without a call to accounts. No row: nothing changed since the token was issued.
 */
@Entity('account_credentials')
export class AccountCredentialEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'boolean' })
  emailVerified: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
