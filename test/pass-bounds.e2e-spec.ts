import { dataOf, errorOf, GraphQLResponse } from '@passerelle/testing';
import { Client } from 'pg';
import { sharedStack } from './support/shared-stack';
import {
  createProduct,
  holderSession,
  Input,
  seedNetwork,
  SeededNetwork,
  tryIssuePass,
  unique,
} from './support/passes';
import { MY_PASSES, REVOKE_PASS } from './support/documents';

const BOUND = 100;

type Issued = GraphQLResponse<{ issuePass: { id: string } }>;

describe('passes per holder', () => {
  const stack = sharedStack();
  let seeded: SeededNetwork;
  let productId: string;

  beforeAll(async () => {
    seeded = await seedNetwork(stack);
    productId = (await createProduct(stack, seeded.admin.token, seeded.network.id)).id;
  });

  const seller = () => seeded.spaces[0];
  const issueTo = (holderEmail: string): Promise<Issued> =>
    tryIssuePass(stack, seller().operator.token, { productId, issuingSpaceId: seller().id, holderEmail } as Input);
  /** `count` passes for the holder, ten requests at a time. */
  async function issueMany(holderEmail: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let done = 0; done < count; done += 10) {
      const batch = Array.from({ length: Math.min(10, count - done) }, () => issueTo(holderEmail));
      for (const response of await Promise.all(batch)) ids.push(dataOf(response).issuePass.id);
    }
    return ids;
  }
  const myPasses = async (token: string) =>
    dataOf(await stack.gql<{ myPasses: Array<{ id: string; status: string }> }>(MY_PASSES, {}, token)).myPasses;

  it('refuses a pass past the holder’s 100 in use, also when issues race for the last places', async () => {
    const holderEmail = `${unique('collector')}@example.org`;
    await issueMany(holderEmail, BOUND - 2);
    const racing = await Promise.all(Array.from({ length: 5 }, () => issueTo(holderEmail)));
    const won = racing.filter((response) => !response.errors);
    const refused = racing.filter((response) => response.errors).map(errorOf);
    expect(won).toHaveLength(2);
    expect(refused).toHaveLength(3);
    for (const error of refused) {
      expect(error).toEqual({ code: 'CONFLICT', field: 'holderEmail', message: expect.stringContaining('100') });
    }

    const holder = await holderSession(stack, holderEmail);
    const mine = await myPasses(holder.token);
    expect(mine).toHaveLength(BOUND);
    // Another holder is not affected by this one's passes.
    expect(dataOf(await issueTo(`${unique('someone')}@example.org`)).issuePass.id).toEqual(expect.any(String));
  });

  it('frees a place when a pass is revoked or expires, and myPasses still returns at most 100, in use first', async () => {
    const holderEmail = `${unique('collector')}@example.org`;
    const ids = await issueMany(holderEmail, BOUND);
    expect(errorOf(await issueTo(holderEmail)).code).toBe('CONFLICT');

    dataOf(await stack.gql(REVOKE_PASS, { id: ids[0], reason: 'Lost phone' }, seller().operator.token));
    const afterRevoke = dataOf(await issueTo(holderEmail)).issuePass.id;
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      // A pass past its end date, as time would leave it.
      await db.query(`UPDATE network.passes SET valid_until = now() - interval '1 day' WHERE id = $1`, [ids[1]]);
    } finally {
      await db.end();
    }
    const afterExpiry = dataOf(await issueTo(holderEmail)).issuePass.id;
    expect(errorOf(await issueTo(holderEmail)).code).toBe('CONFLICT');

    const holder = await holderSession(stack, holderEmail);
    const mine = await myPasses(holder.token);
    expect(mine).toHaveLength(BOUND);
    expect(mine.every((pass) => pass.status === 'ACTIVE')).toBe(true);
    expect(mine.map((pass) => pass.id)).toEqual(expect.arrayContaining([afterRevoke, afterExpiry]));
    expect(mine.map((pass) => pass.id)).not.toContain(ids[0]);
    expect(mine.map((pass) => pass.id)).not.toContain(ids[1]);
  });
});
