import { dataOf } from '@passerelle/testing';
import { REGISTER_SCANNER } from './support/documents';
import { ago, DAY, scanAt, seedNetwork, SeededNetwork, sellPass, tryVisits, VISITS, visits } from './support/passes';
import { sharedStack } from './support/shared-stack';

/**
 * A front desk's "Today's visitors": a scanner token lists its own space's visits of that space's
 * today, whichever desk of the space checked them in, and nothing else, whatever its filter asks.
 */
describe("visits seen by a desk: its own space's, of today", () => {
  const stack = sharedStack();
  let seeded: SeededNetwork;
  let otherNetwork: SeededNetwork;
  let otherDesk: string;
  const ids: Record<'yesterdayHere' | 'todayHere' | 'todayThere', string> = {} as never;

  beforeAll(async () => {
    [seeded, otherNetwork] = await Promise.all([
      seedNetwork(stack, { spaces: [{}, {}] }),
      seedNetwork(stack, { spaces: [{}] }),
    ]);
    const [here, there] = seeded.spaces;
    const { registerScanner } = dataOf(
      await stack.gql<{ registerScanner: { token: string } }>(
        REGISTER_SCANNER,
        { input: { spaceId: here.id, name: 'Second desk' } },
        here.operator.token,
      ),
    );
    otherDesk = registerScanner.token;
    const pass = await sellPass(stack, seeded, { units: 10 });
    const accepted = async (result: Promise<{ status: string; visit: { id: string } | null }>) => {
      const { status, visit } = await result;
      expect(status).toBe('ACCEPTED');
      return visit!.id;
    };
    ids.yesterdayHere = await accepted(scanAt(stack, here, pass.serial, ago(2 * DAY)));
    ids.todayThere = await accepted(scanAt(stack, there, pass.serial));
    ids.todayHere = await accepted(scanAt(stack, { ...here, scanner: otherDesk }, pass.serial));
  });

  const idsOf = (page: { edges: Array<{ node: { id: string } }> }) => page.edges.map((edge) => edge.node.id);

  it("lists to a desk its space's visits of today, the other desk's check-ins included", async () => {
    const page = await visits(stack, seeded.spaces[0].scanner, { networkId: seeded.network.id });
    expect(idsOf(page)).toEqual([ids.todayHere]);
    expect(page.totalCount).toBe(1);
    // The space's operator, by contrast, sees all it hosted and the visits of the pass it sold elsewhere.
    const operator = await visits(stack, seeded.spaces[0].operator.token, { networkId: seeded.network.id });
    expect(idsOf(operator)).toEqual([ids.todayHere, ids.todayThere, ids.yesterdayHere]);
  });

  it('gives a desk nothing of another space, another day or another network, whatever it filters', async () => {
    const desk = seeded.spaces[0].scanner;
    const asked = [
      { networkId: seeded.network.id, spaceId: seeded.spaces[1].id },
      {
        networkId: seeded.network.id,
        month: ago(40 * DAY)
          .toISOString()
          .slice(0, 7),
      },
      { networkId: otherNetwork.network.id },
      { networkId: otherNetwork.network.id, spaceId: otherNetwork.spaces[0].id },
    ];
    for (const filter of asked) {
      const page = dataOf(await tryVisits(stack, desk, filter)).visits;
      expect({ filter, ids: idsOf(page), totalCount: page.totalCount }).toEqual({ filter, ids: [], totalCount: 0 });
    }
    // The other space's desk sees its own visit only.
    expect(idsOf(await visits(stack, seeded.spaces[1].scanner, { networkId: seeded.network.id }))).toEqual([
      ids.todayThere,
    ]);
  });

  it('refuses a visits list to no token at all', async () => {
    const answer = await stack.gql(VISITS, { filter: { networkId: seeded.network.id } });
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
