import { dataOf, postGraphQL } from '@passerelle/testing';
import {
  createOrganization,
  holderSession,
  scanAt,
  seedNetwork,
  SeededNetwork,
  sellPass,
  signUp,
  unique,
} from './support/passes';
import { sharedStack } from './support/shared-stack';

const PASS_HOLDER = `query PassHolder($id: ID!) { pass(id: $id) { holder { id email displayName } } }`;
const VISIT_HOLDERS = `query VisitHolders($filter: VisitFilter!) {
  visits(filter: $filter) { edges { node { pass { holder { id email displayName } } } } }
}`;
const USER_ENTITY = `query UserEntity($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on User { id email displayName } }
}`;

type Holder = { id: string; email: string | null; displayName: string };
type VisitHolders = { visits: { edges: Array<{ node: { pass: { holder: Holder } } }> } };

describe("who sees a pass holder's email", () => {
  const stack = sharedStack();
  let seeded: SeededNetwork;
  beforeAll(async () => {
    seeded = await seedNetwork(stack, { spaces: [{}, {}] });
  });

  const seller = () => seeded.spaces[0];
  const host = () => seeded.spaces[1];
  const holderOf = async (token: string, passId: string) =>
    dataOf(await stack.gql<{ pass: { holder: Holder } | null }>(PASS_HOLDER, { id: passId }, token)).pass?.holder;
  /** Straight to the accounts subgraph, as federation's `_entities` would be asked. */
  const entityAs = async (token: string, id: string) =>
    dataOf(
      await postGraphQL<{ _entities: Holder[] }>(
        `${stack.subgraphUrls.accounts}/graphql`,
        USER_ENTITY,
        { representations: [{ __typename: 'User', id }] },
        token,
      ),
    )._entities[0];

  it("shows an invited holder under a neutral name, never their email's first part", async () => {
    const holderEmail = `${unique('jeanne.martin')}@example.org`;
    const pass = await sellPass(stack, seeded, {}, { holderEmail });
    const holder = await holderOf(seller().operator.token, pass.id);
    expect(holder?.displayName).toBe('Invited member');
    await scanAt(stack, host(), pass.serial);
    const { visits } = dataOf(
      await stack.gql<VisitHolders>(
        VISIT_HOLDERS,
        { filter: { networkId: seeded.network.id, spaceId: host().id } },
        host().operator.token,
      ),
    );
    const seen = visits.edges.map((edge) => edge.node.pass.holder).find((h) => h.id === pass.holder.id);
    expect(seen).toEqual({ id: pass.holder.id, email: null, displayName: 'Invited member' });
  });

  it("shows it to the payer's operators and the network's admins", async () => {
    const pass = await sellPass(stack, seeded);
    await holderSession(stack, pass.holderEmail);
    for (const token of [seller().operator.token, seeded.admin.token]) {
      expect(await holderOf(token, pass.id)).toMatchObject({ id: pass.holder.id, email: pass.holderEmail });
      expect(await entityAs(token, pass.holder.id)).toMatchObject({ email: pass.holderEmail });
    }
  });

  it('shows a corporate holder to the network admins, not to the spaces they visit', async () => {
    const employer = await createOrganization(stack, seeded.admin.token, seeded.network.id);
    const pass = await sellPass(
      stack,
      seeded,
      { kind: 'CORPORATE', units: null, freeDaysPerMonth: null },
      { organizationId: employer.id },
    );
    expect(await entityAs(seeded.admin.token, pass.holder.id)).toMatchObject({ email: pass.holderEmail });
    expect(await entityAs(seller().operator.token, pass.holder.id)).toMatchObject({ email: null });
  });

  it('hides it from a host space that is not the payer, and from strangers', async () => {
    const pass = await sellPass(stack, seeded);
    const holder = await holderSession(stack, pass.holderEmail);
    await scanAt(stack, host(), pass.serial);
    const { visits } = dataOf(
      await stack.gql<VisitHolders>(
        VISIT_HOLDERS,
        { filter: { networkId: seeded.network.id, spaceId: host().id } },
        host().operator.token,
      ),
    );
    const seen = visits.edges.map((edge) => edge.node.pass.holder).filter((h) => h.id === holder.userId);
    expect(seen).toEqual([{ id: holder.userId, email: null, displayName: expect.any(String) }]);

    const stranger = await signUp(stack);
    const otherAdmin = (await seedNetwork(stack, { spaces: [] })).admin;
    for (const token of [host().operator.token, stranger.token, otherAdmin.token]) {
      expect(await entityAs(token, holder.userId)).toMatchObject({ id: holder.userId, email: null });
    }
    expect(await entityAs(holder.token, holder.userId)).toMatchObject({ email: pass.holderEmail });
  });

  it('answers whose email one may see to Passerelle services only', async () => {
    const pass = await sellPass(stack, seeded);
    const response = await fetch(`${stack.subgraphUrls.network}/internal/email-visibility`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ viewerId: seller().operator.userId, userIds: [pass.holder.id] }),
    });
    expect(response.status).toBe(403);
    expect(JSON.stringify(await response.json())).not.toContain(pass.holder.id);
  });
});
