import { isUuid } from '@passerelle/database';
import { DataSource } from 'typeorm';
import { SubjectKind, Subjects } from './permissions';

/** What each kind of resource is called in a NOT_FOUND message. */
export const SUBJECT_NAMES: Record<SubjectKind, string> = {
  network: 'Network',
  space: 'Space',
  membership: 'Membership',
  scanner: 'Scanner',
  pass: 'Pass',
  visit: 'Visit',
  user: 'User',
  sale: 'Product',
};

const QUERIES: Partial<Record<SubjectKind, string>> = {
  network: 'SELECT id AS "networkId" FROM networks WHERE id = $1',
  space: 'SELECT id AS "spaceId" FROM spaces WHERE id = $1',
  membership: 'SELECT network_id AS "networkId", space_id AS "spaceId" FROM memberships WHERE id = $1',
  scanner: 'SELECT space_id AS "spaceId" FROM scanners WHERE id = $1',
  pass: `SELECT network_id AS "networkId", holder_id AS "holderId", payer_kind AS "payerKind", payer_id AS "payerId"
           FROM passes WHERE id = $1`,
  visit: `SELECT v.network_id AS "networkId", v.space_id AS "spaceId", p.holder_id AS "holderId",
                 v.payer_kind AS "payerKind", v.payer_id AS "payerId"
            FROM visits v JOIN passes p ON p.id = v.pass_id WHERE v.id = $1`,
};

/** The ids that decide a permission on one resource, or null when there is no such resource. */
export async function loadSubject<K extends SubjectKind>(
  dataSource: DataSource,
  kind: K,
  id: string,
): Promise<Subjects[K] | null> {
  const query = QUERIES[kind];
  if (!query) throw new Error(`A ${kind} is not loaded by id.`);
  if (!isUuid(id)) return null;
  const [row] = (await dataSource.query(query, [id])) as Array<Subjects[K]>;
  return row ?? null;
}
