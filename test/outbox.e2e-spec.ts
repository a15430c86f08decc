import { INTERNAL_API_KEY_HEADER } from '@passerelle/auth';
import { dataOf } from '@passerelle/testing';
import { checkIn, newKey, seedNetwork, sellPass, VOID_VISIT } from './support/passes';
import { until } from './support/launcher';
import { startTestStack, TestStack } from './support/stack';

const INTERNAL_KEY = 'outbox-test-key'.padEnd(64, '-');

type FeedEvent = { position: string; type: string; payload: { visitId: string; amountCents: number } };

describe('visit events in the network outbox', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ internalApiKey: INTERNAL_KEY });
  });
  afterAll(() => stack.close());

  const feed = async (after?: string, key = INTERNAL_KEY) =>
    fetch(`${stack.subgraphUrls.network}/internal/outbox${after ? `?after=${after}` : ''}`, {
      headers: { [INTERNAL_API_KEY_HEADER]: key },
    });
  const events = async (after?: string) => ((await (await feed(after)).json()) as { events: FeedEvent[] }).events;

  it('records an accepted and a voided visit, in order, and nothing for a rejection', async () => {
    const seeded = await seedNetwork(stack, { spaces: [{}, {}] });
    const [seller, host] = seeded.spaces;
    const pass = await sellPass(stack, seeded, { units: 1, unitValueCents: 700 });
    const before = (await events()).at(-1)?.position;

    const accepted = await checkIn(stack, host.scanner, { spaceId: host.id, credential: pass.serial });
    const rejected = await checkIn(stack, seller.scanner, { spaceId: seller.id, credential: pass.serial });
    expect(rejected).toMatchObject({ status: 'REJECTED', reason: 'PASS_EXHAUSTED' });
    dataOf(await stack.gql(VOID_VISIT, { id: accepted.visit!.id, reason: 'Scanned by mistake' }, host.operator.token));

    // The feed serves an event once no older transaction is still open (in any schema of the database):
    // a batch settlement is recording at that moment holds the newest back for a few milliseconds.
    let written: FeedEvent[] = [];
    await until('the void is in the feed', async () => {
      written = await events(before);
      return written.some((event) => event.type === 'visit.voided');
    });
    expect(written.map((event) => [event.type, event.payload.visitId, event.payload.amountCents])).toEqual([
      ['visit.accepted', accepted.visit!.id, 700],
      ['visit.voided', accepted.visit!.id, 700],
    ]);
    expect(await events(written.at(-1)!.position)).toEqual([]);
  });

  it('serves the feed to Passerelle services only', async () => {
    expect((await feed(undefined, 'not-the-key'.padEnd(64, '-'))).status).toBe(403);
    expect((await feed(undefined, newKey())).status).toBe(403);
  });
});
