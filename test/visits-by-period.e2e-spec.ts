import { INTERNAL_API_KEY_HEADER } from '@passerelle/contracts';
import { dataOf } from '@passerelle/testing';
import { sharedStack } from './support/shared-stack';
import {
  DAY,
  HOUR,
  lastMonthStart,
  scanAt,
  seedNetwork,
  SeededNetwork,
  sellPass,
  trySyncCheckIns,
} from './support/passes';
import { closePeriod, monthIn } from './support/settlement';

const PARIS = 'Europe/Paris';
const VISITS_IN = `query VisitsIn($filter: VisitFilter!, $first: Int, $after: String) {
  visits(filter: $filter, first: $first, after: $after) {
    totalCount edges { node { id periodMonth amountCents } } pageInfo { hasNextPage endCursor }
  }
}`;
type Page = {
  totalCount: number;
  edges: Array<{ node: { id: string; periodMonth: string; amountCents: number } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

const stack = sharedStack();

const lastMonthDay = (n: number) => new Date(lastMonthStart(PARIS) - n * DAY - HOUR);

/** Every page of `visits` for the filter, one visit per page, with the totals each page gave. */
async function allPages(token: string, filter: Record<string, unknown>) {
  const nodes: Page['edges'][number]['node'][] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (;;) {
    const page: Page = dataOf(await stack.gql<{ visits: Page }>(VISITS_IN, { filter, first: 1, after }, token)).visits;
    totals.add(page.totalCount);
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { nodes, totals: [...totals] };
}

/** Settlement's internal answer that the month filter is built on, asked directly. */
const askMoved = (
  body: unknown,
  headers: Record<string, string> = { [INTERNAL_API_KEY_HEADER]: stack.internalApiKey },
) =>
  fetch(`${stack.subgraphUrls.settlement}/internal/visit-periods/moved`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const moved = async (networkId: string, month: string) => {
  const answer = (await (await askMoved({ networkId, month })).json()) as { movedIn: string[]; movedOut: string[] };
  return { movedIn: [...answer.movedIn].sort(), movedOut: [...answer.movedOut].sort() };
};

/** One accepted offline upload, as a scanner that was cut off sends it. */
async function upload(seeded: SeededNetwork, spaceIndex: number, serial: string, occurredAt: Date) {
  const space = seeded.spaces[spaceIndex];
  const input = [{ spaceId: space.id, credential: serial, occurredAt }];
  const [result] = dataOf(await trySyncCheckIns(stack, space.scanner, input)).syncCheckIns;
  expect(result.status).toBe('ACCEPTED');
  return result.visit!;
}

describe('visits by period month', () => {
  it('lists a visit uploaded after its month closed in the period it is settled in, not in its own month', async () => {
    const seeded = await seedNetwork(stack, { spaces: [{}, {}] });
    const [seller, host] = seeded.spaces;
    const lastMonth = monthIn(lastMonthDay(0), PARIS);
    const onTime = (await scanAt(stack, host, (await sellPass(stack, seeded, {}, {}, seller)).serial, lastMonthDay(3)))
      .visit!;
    const now = (await scanAt(stack, host, (await sellPass(stack, seeded, {}, {}, seller)).serial)).visit!;
    const thisMonth = monthIn(new Date(now.occurredAt), PARIS);
    expect(thisMonth).not.toBe(lastMonth);

    await closePeriod(stack, seeded.admin.token, seeded.network.id, lastMonth);
    // Uploaded late: one that settles 700 and one at the seller's own space that settles nothing.
    const late = await upload(seeded, 1, (await sellPass(stack, seeded, {}, {}, seller)).serial, lastMonthDay(2));
    const lateFree = await upload(seeded, 0, (await sellPass(stack, seeded, {}, {}, seller)).serial, lastMonthDay(1));
    expect([late.amountCents, lateFree.amountCents]).toEqual([700, 0]);
    expect([late.localDate.slice(0, 7), lateFree.localDate.slice(0, 7)]).toEqual([lastMonth, lastMonth]);

    const inThisMonth = await allPages(seeded.admin.token, { networkId: seeded.network.id, month: thisMonth });
    expect(inThisMonth.nodes.map((v) => v.id).sort()).toEqual([now.id, late.id, lateFree.id].sort());
    expect(inThisMonth.totals).toEqual([3]);
    expect(new Set(inThisMonth.nodes.map((v) => v.periodMonth))).toEqual(new Set([thisMonth]));

    const inLastMonth = await allPages(seeded.admin.token, { networkId: seeded.network.id, month: lastMonth });
    expect(inLastMonth.nodes.map((v) => v.id)).toEqual([onTime.id]);
    expect(inLastMonth.totals).toEqual([1]);
    expect(inLastMonth.nodes[0].periodMonth).toBe(lastMonth);

    // What settlement hands over is the moved visits alone, not the month's.
    const lateOnes = [late.id, lateFree.id].sort();
    expect(await moved(seeded.network.id, thisMonth)).toEqual({ movedIn: lateOnes, movedOut: [] });
    expect(await moved(seeded.network.id, lastMonth)).toEqual({ movedIn: [], movedOut: lateOnes });

    // The host's operator sees only what their space is party to, by the same rule.
    const byHost = await allPages(host.operator.token, { networkId: seeded.network.id, month: thisMonth });
    expect(byHost.nodes.map((v) => v.id).sort()).toEqual([now.id, late.id].sort());
    expect(byHost.totals).toEqual([2]);
  });

  it('keeps the moved visits behind the internal key, and refuses a malformed question', async () => {
    const seeded = await seedNetwork(stack, { spaces: [] });
    const question = { networkId: seeded.network.id, month: monthIn(Date.now(), PARIS) };
    expect((await askMoved(question, {})).status).toBe(403);
    expect((await askMoved(question, { [INTERNAL_API_KEY_HEADER]: 'x'.repeat(64) })).status).toBe(403);
    expect((await askMoved({ ...question, month: '2026-13' })).status).toBe(400);
    expect((await askMoved({ ...question, networkId: "' OR 1=1 --" })).status).toBe(400);
    expect(await moved(seeded.network.id, question.month)).toEqual({ movedIn: [], movedOut: [] });
  });
});
