import { sharedStack } from './support/shared-stack';
import {
  checkIn,
  CheckInResult,
  createProduct,
  issuePass,
  newKey,
  passAs,
  seedNetwork,
  sellPass,
  visits,
} from './support/passes';

const stack = sharedStack();

const outcome = (result: CheckInResult) => [result.status, result.reason];
const tally = (results: CheckInResult[]) =>
  results.reduce<Record<string, number>>((counts, result) => {
    const key = result.reason ?? result.status;
    return { ...counts, [key]: (counts[key] ?? 0) + 1 };
  }, {});

describe('check-in: concurrent scans never both win', () => {
  it('gives the last coupon to exactly one of two spaces scanning it at once', async () => {
    const seeded = await seedNetwork(stack, { spaces: [{}, {}, {}] });
    const [, left, right] = seeded.spaces;
    const rounds = 5;
    for (let round = 0; round < rounds; round += 1) {
      const pass = await sellPass(stack, seeded, { units: 1 });
      const results = await Promise.all(
        [left, right].map((space) =>
          checkIn(stack, space.scanner, { spaceId: space.id, credential: pass.serial, idempotencyKey: newKey() }),
        ),
      );
      expect([round, results.map(outcome).sort()]).toEqual([
        round,
        [
          ['ACCEPTED', null],
          ['REJECTED', 'PASS_EXHAUSTED'],
        ],
      ]);
      expect((await passAs(stack, seeded.admin.token, pass.id))!.remainingUnits).toBe(0);
    }
    expect((await visits(stack, seeded.admin.token, { networkId: seeded.network.id })).totalCount).toBe(rounds);
  });

  it('admits exactly nomadSeats of eight different passes scanned at once', async () => {
    const seeded = await seedNetwork(stack, { spaces: [{}, { nomadSeats: 3 }] });
    const [seller, host] = seeded.spaces;
    const product = await createProduct(stack, seeded.admin.token, seeded.network.id);
    const passes = await Promise.all(
      Array.from({ length: 8 }, () =>
        issuePass(stack, seller.operator.token, { productId: product.id, issuingSpaceId: seller.id }),
      ),
    );
    const results = await Promise.all(
      passes.map((pass) => checkIn(stack, host.scanner, { spaceId: host.id, credential: pass.serial })),
    );
    expect(tally(results)).toEqual({ ACCEPTED: 3, SPACE_FULL: 5 });
    const admitted = results.filter((result) => result.status === 'ACCEPTED');
    expect(admitted.map((result) => result.pass?.remainingUnits)).toEqual([9, 9, 9]);
    const filter = { networkId: seeded.network.id, spaceId: host.id };
    expect((await visits(stack, seeded.admin.token, filter)).totalCount).toBe(3);
  });

  it('makes one visit of one idempotency key sent ten times at once, with ten identical results', async () => {
    const seeded = await seedNetwork(stack, { spaces: [{}, {}] });
    const host = seeded.spaces[1];
    const pass = await sellPass(stack, seeded);
    const scan = { spaceId: host.id, credential: pass.serial, idempotencyKey: newKey() };
    const results = await Promise.all(Array.from({ length: 10 }, () => checkIn(stack, host.scanner, scan)));
    expect(results[0]).toMatchObject({ status: 'ACCEPTED', repeat: false, pass: { remainingUnits: 9 } });
    for (const result of results) expect(result).toEqual(results[0]);
    expect((await visits(stack, seeded.admin.token, { networkId: seeded.network.id })).totalCount).toBe(1);
    expect((await passAs(stack, seeded.admin.token, pass.id))!.remainingUnits).toBe(9);
  });
});
