import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { PassEntity } from './pass.entity';
import { HolderPassLimitError } from './passes.errors';

/**
 * How many passes a holder may have in use (neither revoked nor past `validUntil`), and so the most
 * `myPasses` ever returns: a wallet, not a warehouse. It bounds what one request can make the
 * server sign and draw, and it is far above any real holder's needs.
 */
export const MAX_PASSES_IN_USE_PER_HOLDER = 100;

/** SQL of "in use at this instant", the same as passStatusAt's ACTIVE: not revoked, not expired. */
export const inUse = (alias: string) =>
  `(${alias}.revokedAt IS NULL AND (${alias}.validUntil IS NULL OR ${alias}.validUntil >= now()))`;

/**
 * Passes in use first, then the newest: when a holder has more than the bound (revoked and expired
 * ones pile up), the ones they can still show are never the ones left out.
 */
export function holderPassesQuery(
  query: SelectQueryBuilder<PassEntity>,
  alias: string,
  holderId: string,
): SelectQueryBuilder<PassEntity> {
  return query
    .where(`${alias}.holderId = :holderId`, { holderId })
    .orderBy(inUse(alias), 'DESC')
    .addOrderBy(`${alias}.issuedAt`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(MAX_PASSES_IN_USE_PER_HOLDER);
}

/**
 * Refuses another pass for a holder who already has the most in use. Called in the issuing
 * transaction: the lock makes two issues for the same holder take turns, so racing issues never
 * both take the last place (it is released at commit or rollback).
 */
export async function requireRoomForAnotherPass(manager: EntityManager, holderId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`network.passes.holder:${holderId}`]);
  const count = await manager
    .getRepository(PassEntity)
    .createQueryBuilder('pass')
    .where('pass.holderId = :holderId', { holderId })
    .andWhere(inUse('pass'))
    .getCount();
  if (count >= MAX_PASSES_IN_USE_PER_HOLDER) {
    throw new HolderPassLimitError(MAX_PASSES_IN_USE_PER_HOLDER);
  }
}
