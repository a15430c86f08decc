import { FindOptionsWhere, In, QueryFailedError, Repository } from 'typeorm';

/**
 * Whether PostgreSQL refused a write because it would break a unique constraint (SQLSTATE 23505),
 * optionally that one constraint. Uniqueness is decided by the database, not by a prior read, so
 * two concurrent requests cannot both pass.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs: anything else names nothing, and must not reach a uuid column as a query error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Rows of `repository` by id in one query, in the order of `ids` (null where there is none, or the id
 * is not a UUID): what a per-request DataLoader needs.
 */
export async function findByIdsInOrder<T extends { id: string }>(
  repository: Repository<T>,
  ids: readonly string[],
): Promise<Array<T | null>> {
  const valid = ids.filter(isUuid);
  const rows = valid.length ? await repository.findBy({ id: In(valid) } as FindOptionsWhere<T>) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}
