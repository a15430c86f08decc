import { dataOf } from '@passerelle/testing';
import { scanAt, seedNetwork, SeededNetwork, sellPass, unique } from './support/passes';
import { startTestStack, TestStack } from './support/stack';

const PASS_HOLDER = `query PassHolder($id: ID!) { pass(id: $id) { holder { id email displayName } } }`;
const VISIT_HOLDERS = `query VisitHolders($filter: VisitFilter!) {
  visits(filter: $filter) { edges { node { pass { holder { id email displayName } } } } }
}`;

type Holder = { id: string; email: string | null; displayName: string };
type VisitHolders = { visits: { edges: Array<{ node: { pass: { holder: Holder } } }> } };

describe("who sees a pass holder's email", () => {
  let stack: TestStack;
  let seeded: SeededNetwork;
  beforeAll(async () => {
    stack = await startTestStack();
    seeded = await seedNetwork(stack, { spaces: [{}, {}] });
  });
  afterAll(() => stack.close());

  const seller = () => seeded.spaces[0];
  const host = () => seeded.spaces[1];
  const holderOf = async (token: string, passId: string) =>
    dataOf(await stack.gql<{ pass: { holder: Holder } | null }>(PASS_HOLDER, { id: passId }, token)).pass?.holder;

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
});
