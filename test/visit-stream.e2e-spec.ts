import { Logger } from '@nestjs/common';
import { comparePositions } from '@passerelle/outbox';
import { dataOf } from '@passerelle/testing';
import { Client } from 'pg';
import { newKey, Pass, seedNetwork, SeededNetwork, SeededSpace, sellPass, visits } from './support/passes';
import { monthIn, period } from './support/settlement';
import { sharedStack, StackClient } from './support/shared-stack';
import { startTestStack, TestStack } from './support/stack';

// Without `periodMonth`: settlement may not have heard of the visit yet, and that is the point here.
const CHECK_IN = `mutation CheckIn($input: CheckInInput!) { checkIn(input: $input) { status visit { id } } }`;

/** A network of three spaces and a coupon book of A's (7 € a visit): each visit at B or C is a charge. */
async function world(stack: StackClient) {
  const seeded = await seedNetwork(stack, { spaces: [{}, {}, {}] });
  const pass = await sellPass(stack, seeded, { units: 5, unitValueCents: 700 });
  return { seeded, pass, month: monthIn(Date.now(), seeded.network.timezone) };
}

async function accept(stack: StackClient, space: SeededSpace, pass: Pass): Promise<string> {
  const input = { spaceId: space.id, credential: pass.serial, idempotencyKey: newKey() };
  const { checkIn } = dataOf(
    await stack.gql<{ checkIn: { status: string; visit: { id: string } } }>(CHECK_IN, { input }, space.scanner),
  );
  expect(checkIn.status).toBe('ACCEPTED');
  return checkIn.visit.id;
}

const figures = async (stack: StackClient, seeded: SeededNetwork, month: string) => {
  const { status, visitCount, grossCents } = await period(stack, seeded.admin.token, seeded.network.id, month);
  return { status, visitCount, grossCents };
};

/** A session of the test database: the tests hold a transaction open in it, or write what no service would. */
async function databaseSession(stack: StackClient): Promise<Client> {
  const client = new Client({ connectionString: stack.databaseUrl });
  await client.connect();
  return client;
}

describe('reads while the visit stream is behind', () => {
  const stack = sharedStack();
  let session: Client;
  beforeAll(async () => {
    session = await databaseSession(stack);
  });
  afterAll(() => session.end());

  it('answer from what is recorded while an older transaction holds the feed back, and catch up after', async () => {
    const { seeded, pass, month } = await world(stack);
    const [, b, c] = seeded.spaces;
    await accept(stack, b, pass);
    expect(await figures(stack, seeded, month)).toEqual({ status: 'OPEN', visitCount: 1, grossCents: 700 });

    // The feed serves only transactions older than every open one: this one, left open, holds back
    // every event committed after it began, as a long transaction anywhere in the database would.
    await session.query('BEGIN');
    await session.query('SELECT pg_current_xact_id()');
    try {
      const later = await accept(stack, c, pass);
      // Both wait for the stream as long as a read may, then answer: the figures as recorded, and the
      // network's list for the month filter (it asks settlement for its moved visits), with both visits.
      const [behind, listed] = await Promise.all([
        figures(stack, seeded, month),
        visits(stack, seeded.admin.token, { networkId: seeded.network.id, month }),
      ]);
      expect(behind).toEqual({ status: 'OPEN', visitCount: 1, grossCents: 700 });
      expect(listed.edges.map((edge) => edge.node.id)).toContain(later);
      // Its period is known before settlement has recorded it: a visit of an open month is settled in it.
      expect(listed.edges.find((edge) => edge.node.id === later)?.node.periodMonth).toBe(month);
      expect(listed.totalCount).toBe(2);
    } finally {
      await session.query('ROLLBACK');
    }
    expect(await figures(stack, seeded, month)).toEqual({ status: 'OPEN', visitCount: 2, grossCents: 1400 });
  });
});

// A stack of its own: the stream this test stops stays stopped.
describe('a visit event that does not match its contract', () => {
  let stack: TestStack;
  let session: Client;
  beforeAll(async () => {
    stack = await startTestStack();
    session = await databaseSession(stack);
  });
  afterAll(async () => {
    await session.end();
    await stack.close();
  });

  it('stops the stream before it (nothing after it is recorded), is logged once, and reads still answer', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const { seeded, pass, month } = await world(stack);
      const [, b, c] = seeded.spaces;
      await accept(stack, b, pass);
      expect(await figures(stack, seeded, month)).toEqual({ status: 'OPEN', visitCount: 1, grossCents: 700 });

      const [{ position: malformed }] = (
        await session.query<{ position: string }>(
          `INSERT INTO network.outbox (transaction_id, type, payload)
           VALUES (pg_current_xact_id()::text::bigint, 'visit.accepted', '{"visitId": "not-a-uuid"}')
           RETURNING transaction_id::text || ':' || id AS position`,
        )
      ).rows;
      await accept(stack, c, pass);

      // Skipping the bad event would record the visit after it; stopping leaves the figures as they were.
      expect(await figures(stack, seeded, month)).toEqual({ status: 'OPEN', visitCount: 1, grossCents: 700 });
      expect(await figures(stack, seeded, month)).toEqual({ status: 'OPEN', visitCount: 1, grossCents: 700 });
      const [{ position }] = (
        await session.query<{ position: string }>(
          "SELECT position FROM settlement.consumer_positions WHERE source = 'network'",
        )
      ).rows;
      expect(comparePositions(position, malformed)).toBeLessThan(0);

      const reports = errors.mock.calls.map(([message]) => String(message)).filter((m) => m.includes(malformed));
      expect(reports).toHaveLength(1);
      expect(reports[0]).toContain(`The visit stream is stopped before an event it cannot read.`);
      expect(reports[0]).toContain(`visit.accepted event at position ${malformed}`);
      expect(reports[0]).toMatch(/visitId: .+; networkId: /);
    } finally {
      errors.mockRestore();
    }
  });
});
