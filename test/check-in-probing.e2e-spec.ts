import { dataOf, errorOf } from '@passerelle/testing';
import { Client } from 'pg';
import { newSerial } from '../apps/network/src/passes/serial';
import { sharedStack, TEST_POOL_SIZE } from './support/shared-stack';
import {
  holderQr,
  holderSession,
  joinSpace,
  newKey,
  ScanInput,
  seedNetwork,
  SeededSpace,
  sellPass,
  suspendMembership,
  trySyncCheckIns,
} from './support/passes';
import { REVOKE_PASS } from './support/documents';

/** Everything a result could say about a pass, to see that a rejection says none of it. */
const PROBE = `mutation Probe($input: CheckInInput!) {
  checkIn(input: $input) {
    status reason message repeat visit { id }
    pass { id serial remainingUnits payer { name } holder { displayName } product { name } }
  }
}`;

type Probed = {
  status: string;
  reason: string | null;
  message: string;
  repeat: boolean;
  visit: { id: string } | null;
  pass: { id: string; remainingUnits: number | null; payer: { name: string } } | null;
};

/** As many uploads as can be inside a transaction at once: one per connection of the network subgraph. */
const PARALLEL_UPLOADS = TEST_POOL_SIZE;

/** Returns once `count` sessions of the test database wait for a lock (seen outside any transaction). */
async function lockWaiters(databaseUrl: string, count: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  for (;;) {
    const { rows } = await client.query<{ waiting: number }>(
      `SELECT count(*)::integer AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0].waiting >= count) return client.end();
  }
}

const stack = sharedStack();

const probe = async (space: SeededSpace, credential: string, token = space.scanner) => {
  const input = { spaceId: space.id, credential, idempotencyKey: newKey() };
  return dataOf(await stack.gql<{ checkIn: Probed }>(PROBE, { input }, token)).checkIn;
};

describe('check-in: a desk learns nothing about passes it may not take', () => {
  it("answers a serial of another network's pass exactly as an unknown serial", async () => {
    const [a, b] = [await seedNetwork(stack), await seedNetwork(stack)];
    const passOfA = await sellPass(stack, a);
    const [deskOfB] = b.spaces;
    const unknown = await probe(deskOfB, newSerial());
    expect(unknown).toMatchObject({ status: 'REJECTED', reason: 'INVALID_CREDENTIAL', pass: null, visit: null });
    expect(await probe(deskOfB, passOfA.serial)).toEqual(unknown);
    expect(await probe(deskOfB, passOfA.serial, deskOfB.operator.token)).toEqual(unknown);
  });

  it('answers a serial at a PENDING or SUSPENDED member space exactly as an unknown serial', async () => {
    const seeded = await seedNetwork(stack, { spaces: [{}, {}] });
    const pass = await sellPass(stack, seeded);
    const [, suspended] = seeded.spaces;
    const pending = await joinSpace(stack, seeded, { pending: true });
    await suspendMembership(stack, seeded.admin.token, suspended.membershipId);
    for (const space of [pending, suspended]) {
      expect(await probe(space, pass.serial)).toEqual(await probe(space, newSerial()));
    }
  });

  it("keeps NOT_VALID_AT_SPACE for a signed QR outside the space's networks, showing no pass", async () => {
    const seeded = await seedNetwork(stack, { spaces: [{}, {}] });
    const pass = await sellPass(stack, seeded);
    const [, suspended] = seeded.spaces;
    const foreign = (await seedNetwork(stack)).spaces[0];
    await suspendMembership(stack, seeded.admin.token, suspended.membershipId);
    for (const space of [foreign, suspended]) {
      const { token } = await holderQr(stack, pass.holderEmail, pass.id);
      expect(await probe(space, token)).toMatchObject({ status: 'REJECTED', reason: 'NOT_VALID_AT_SPACE', pass: null });
    }
  });

  it('shows no pass for PASS_NOT_ACTIVE, and the pass for a refusal at a space where it is valid', async () => {
    const seeded = await seedNetwork(stack, { spaces: [{}, { nomadSeats: 0 }] });
    const [seller, full] = seeded.spaces;
    const [revoked, valid] = [await sellPass(stack, seeded), await sellPass(stack, seeded)];
    dataOf(await stack.gql(REVOKE_PASS, { id: revoked.id, reason: 'Lost' }, seller.operator.token));
    await holderSession(stack, valid.holderEmail);
    expect(await probe(seller, revoked.serial)).toMatchObject({ reason: 'PASS_NOT_ACTIVE', pass: null });
    expect(await probe(full, valid.serial)).toMatchObject({
      reason: 'SPACE_FULL',
      pass: { id: valid.id, remainingUnits: 10, payer: { name: seller.name } },
    });
  });
});

describe('check-in: typed serials are no free oracle', () => {
  const guesses = (space: SeededSpace, count: number): ScanInput[] =>
    Array.from({ length: count }, () => ({ spaceId: space.id, credential: newSerial() }));
  // The desk's sentences are French unless the request asks otherwise.
  const looksUp = (message: string) => !message.startsWith('Trop de codes inconnus');

  it('caps the unknown serials one desk may try per minute, never refusing a QR or another desk', async () => {
    const seeded = await seedNetwork(stack, { spaces: [{}, {}] });
    const [seller, host] = seeded.spaces;
    const [shown, typed, elsewhere] = [
      await sellPass(stack, seeded),
      await sellPass(stack, seeded),
      await sellPass(stack, seeded),
    ];
    const { token: qr } = await holderQr(stack, shown.holderEmail, shown.id);
    const upload = [
      ...guesses(host, 498),
      { spaceId: host.id, credential: qr },
      { spaceId: host.id, credential: typed.serial },
    ];
    const results = dataOf(await trySyncCheckIns(stack, host.scanner, upload)).syncCheckIns;

    expect(results.slice(0, 498).every((result) => result.reason === 'INVALID_CREDENTIAL')).toBe(true);
    expect(results.slice(0, 498).filter((result) => looksUp(result.message))).toHaveLength(30);
    expect(results.slice(0, 30).every((result) => looksUp(result.message))).toBe(true);
    // The signed QR is judged as ever; the typed serial, past the cap, is not looked up.
    expect(results[498]).toMatchObject({ status: 'ACCEPTED', pass: { id: shown.id } });
    expect(results[499]).toMatchObject({ status: 'REJECTED', reason: 'INVALID_CREDENTIAL', pass: null });
    expect(looksUp(results[499].message)).toBe(false);

    // Another desk of the same space, and the scanner of another space, type serials as ever.
    const byOperator = await trySyncCheckIns(stack, host.operator.token, [
      { spaceId: host.id, credential: typed.serial },
    ]);
    expect(dataOf(byOperator).syncCheckIns[0]).toMatchObject({ status: 'ACCEPTED', pass: { id: typed.id } });
    const atSeller = await trySyncCheckIns(stack, seller.scanner, [
      { spaceId: seller.id, credential: elsewhere.serial },
    ]);
    expect(dataOf(atSeller).syncCheckIns[0]).toMatchObject({ status: 'ACCEPTED' });
  });

  it('holds the cap across uploads sent at once by the same desk', async () => {
    const [desk] = (await seedNetwork(stack)).spaces;
    // Every upload's last statement writes the outbox: held back there, each has read the desk's count
    // and waits, as at the busiest instant, before any of them commits.
    const gate = new Client({ connectionString: stack.databaseUrl });
    await gate.connect();
    await gate.query('BEGIN');
    await gate.query('LOCK TABLE network.outbox IN SHARE MODE');
    const sent = Promise.all(
      Array.from({ length: PARALLEL_UPLOADS }, () => trySyncCheckIns(stack, desk.scanner, guesses(desk, 60))),
    );
    await lockWaiters(stack.databaseUrl, PARALLEL_UPLOADS);
    await gate.query('COMMIT');
    await gate.end();
    const lookedUp = (await sent).flatMap((upload) => dataOf(upload).syncCheckIns).filter((r) => looksUp(r.message));
    // 30 a minute; should a minute end while the uploads run, the next one has its own 30.
    expect(lookedUp.length).toBeGreaterThanOrEqual(30);
    expect(lookedUp.length).toBeLessThanOrEqual(60);
  });
});

describe('check-in: any credential string is a result', () => {
  it('rejects a credential of any length up to the request size limit as INVALID_CREDENTIAL', async () => {
    const [desk] = (await seedNetwork(stack)).spaces;
    // The last one just fits the 2 MiB a request may be, with its query and key.
    for (const length of [102_400, 2 * 1024 * 1024 - 2048]) {
      const result = await probe(desk, 'x'.repeat(length));
      expect([length, result]).toMatchObject([length, { status: 'REJECTED', reason: 'INVALID_CREDENTIAL' }]);
    }
    const dotted = `${'a'.repeat(60_000)}.${'b'.repeat(60_000)}.${'c'.repeat(60_000)}`;
    expect(await probe(desk, dotted)).toMatchObject({ status: 'REJECTED', reason: 'INVALID_CREDENTIAL' });
  });

  it('replays a huge credential by its key, and refuses the key for another huge credential', async () => {
    const [desk] = (await seedNetwork(stack)).spaces;
    const input = { spaceId: desk.id, credential: 'y'.repeat(200_000), idempotencyKey: newKey() };
    const first = dataOf(await stack.gql<{ checkIn: Probed }>(PROBE, { input }, desk.scanner)).checkIn;
    expect(first).toMatchObject({ reason: 'INVALID_CREDENTIAL' });
    expect(dataOf(await stack.gql<{ checkIn: Probed }>(PROBE, { input }, desk.scanner)).checkIn).toEqual(first);
    const other = await stack.gql(PROBE, { input: { ...input, credential: 'z'.repeat(200_000) } }, desk.scanner);
    expect(errorOf(other)).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
  });
});
