import { Client } from 'pg';
import { deleteExpiredCheckIns } from '../apps/network/src/check-ins/check-in-retention';
import { checkIn, newKey, seedNetwork, sellPass } from './support/passes';
import { sharedStack } from './support/shared-stack';

describe('check-in: idempotency records are kept 40 days', () => {
  const stack = sharedStack();
  let db: Client;
  beforeAll(async () => {
    db = new Client(stack.databaseUrl);
    await db.connect();
    await db.query('SET search_path TO network');
  });
  afterAll(async () => {
    await db.end();
  });

  const ageRecord = (key: string, days: number) =>
    db.query(`UPDATE check_ins SET received_at = now() - make_interval(days => $2) WHERE idempotency_key = $1`, [
      key,
      days,
    ]);
  const storedKeys = async (keys: string[]) =>
    (await db.query('SELECT idempotency_key FROM check_ins WHERE idempotency_key = ANY($1)', [keys])).rows.map(
      (row: { idempotency_key: string }) => row.idempotency_key,
    );

  it('deletes the records older than 40 days, batch after batch, and keeps the others', async () => {
    const seeded = await seedNetwork(stack, { spaces: [{}, {}] });
    const host = seeded.spaces[1];
    const pass = await sellPass(stack, seeded);
    const [expired, kept, fresh] = [newKey(), newKey(), newKey()];
    for (const idempotencyKey of [expired, kept, fresh]) {
      await checkIn(stack, host.scanner, { spaceId: host.id, credential: pass.serial, idempotencyKey });
    }
    await ageRecord(expired, 41);
    await ageRecord(kept, 39);
    // More expired records than one batch takes.
    await db.query(
      `INSERT INTO check_ins (space_id, idempotency_key, fingerprint, received_at)
       SELECT $1, 'expired-' || i, 'fingerprint', now() - interval '60 days' FROM generate_series(1, 12000) AS i`,
      [host.id],
    );

    const deleted = await deleteExpiredCheckIns((sql, parameters) => db.query(sql, parameters).then((r) => r.rows));

    expect(deleted).toBe(12001);
    expect((await storedKeys([expired, kept, fresh])).sort()).toEqual([kept, fresh].sort());
    expect(
      (await db.query(`SELECT count(*)::int AS n FROM check_ins WHERE received_at < now() - interval '40 days'`)).rows,
    ).toEqual([{ n: 0 }]);
  });
});
