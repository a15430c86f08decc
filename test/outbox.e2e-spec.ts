import { INTERNAL_API_KEY_HEADER } from '@passerelle/contracts';
import { dataOf } from '@passerelle/testing';
import { checkIn, newKey, seedNetwork, sellPass, VOID_VISIT } from './support/passes';
import { until } from './support/launcher';
import { sharedStack } from './support/shared-stack';

type FeedEvent = { position: string; type: string; payload: { visitId: string; amountCents: number } };

describe('visit events in the network outbox', () => {
  const stack = sharedStack();

  const internal = (path: string, key = stack.internalApiKey) =>
    fetch(`${stack.subgraphUrls.network}/internal/outbox${path}`, { headers: { [INTERNAL_API_KEY_HEADER]: key } });
  const events = async (after: string) =>
    ((await (await internal(`?after=${after}`)).json()) as { events: FeedEvent[] }).events;
  // The stack's database holds other files' events too: this test reads from where the feed ends now.
  const head = async () => ((await (await internal('/head')).json()) as { position: string }).position;

  it('records an accepted and a voided visit, in order, and nothing for a rejection', async () => {
    const seeded = await seedNetwork(stack, { spaces: [{}, {}] });
    const [seller, host] = seeded.spaces;
    const pass = await sellPass(stack, seeded, { units: 1, unitValueCents: 700 });
    const before = await head();

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
    expect((await internal('', 'not-the-key'.padEnd(64, '-'))).status).toBe(403);
    expect((await internal('', newKey())).status).toBe(403);
    expect((await internal('/head', newKey())).status).toBe(403);
  });
});
