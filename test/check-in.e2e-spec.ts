import { dataOf, errorOf, GraphQLResponse } from '@passerelle/testing';
import { sign } from 'jsonwebtoken';
import { Client } from 'pg';
import { generateKeyPairSync } from 'node:crypto';
import { sharedStack } from './support/shared-stack';
import {
  ago,
  approveMembership,
  checkIn,
  CheckInResult,
  createOrganization,
  DAY,
  dateIn,
  HOUR,
  lastMonthStart,
  sameMonthDays,
  holderQr,
  holderSession,
  HOLDER_NAME,
  Input,
  joinSpace,
  MINUTE,
  newKey,
  passAs,
  ScanInput,
  seedNetwork,
  SeededNetwork,
  SeededSpace,
  scanAt,
  sellPass,
  signUp,
  SpaceSpec,
  suspendMembership,
  tryCheckIn,
  trySyncCheckIns,
  visits,
  VOID_VISIT,
} from './support/passes';
import { NETWORK_KEYS, REVOKE_PASS } from './support/documents';

const CHECK_IN_HOLDER = `mutation CheckInHolder($input: CheckInInput!) {
  checkIn(input: $input) { status pass { holder { displayName email } } }
}`;

const stack = sharedStack();

const codeOf = (response: GraphQLResponse<unknown>) => errorOf(response).code;
const rejection = (reason: string) => ({ status: 'REJECTED', reason, visit: null });
const accepted = { status: 'ACCEPTED', reason: null };
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('check-in: the rules, in order', () => {
  /** A network whose first space sells a coupon book (10 coupons at 7 €) and whose second hosts. */
  async function setup(spaces: SpaceSpec[] = [{}, {}], product: Input = {}) {
    const seeded = await seedNetwork(stack, { spaces });
    const pass = await sellPass(stack, seeded, product);
    return { seeded, pass, seller: seeded.spaces[0], host: seeded.spaces[1] };
  }
  const scan = (space: SeededSpace, credential: string, occurredAt?: Date) =>
    scanAt(stack, space, credential, occurredAt);
  const remainingOf = async (seeded: SeededNetwork, passId: string) =>
    (await passAs(stack, seeded.admin.token, passId))!.remainingUnits;

  it('rule 1: lets a scanner or an operator of the space check in, and no one else', async () => {
    const { seeded, pass, seller, host } = await setup();
    const scan = { spaceId: host.id, credential: pass.serial };
    expect(codeOf(await tryCheckIn(stack, seller.scanner, scan))).toBe('FORBIDDEN');
    expect(codeOf(await tryCheckIn(stack, (await signUp(stack)).token, scan))).toBe('FORBIDDEN');
    expect(codeOf(await tryCheckIn(stack, seeded.admin.token, scan))).toBe('FORBIDDEN');
    expect(codeOf(await tryCheckIn(stack, undefined, scan))).toBe('UNAUTHENTICATED');
    expect(await remainingOf(seeded, pass.id)).toBe(10);
    expect(await checkIn(stack, host.operator.token, scan)).toMatchObject({ ...accepted, repeat: false });
  });

  it('rule 2: replays the first result for a repeated key, debiting once, and refuses the key for another scan', async () => {
    const { seeded, pass, host } = await setup();
    const scan = { spaceId: host.id, credential: pass.serial, idempotencyKey: newKey() };
    const first = await checkIn(stack, host.scanner, scan);
    expect(first).toMatchObject({ ...accepted, repeat: false, pass: { remainingUnits: 9 } });
    expect(await checkIn(stack, host.scanner, scan)).toEqual(first);
    expect(await remainingOf(seeded, pass.id)).toBe(9);

    const qr = await holderQr(stack, pass.holderEmail, pass.id);
    expect(codeOf(await tryCheckIn(stack, host.scanner, { ...scan, credential: qr.token }))).toBe('CONFLICT');
    expect(codeOf(await tryCheckIn(stack, host.scanner, { ...scan, occurredAt: ago(HOUR) }))).toBe('CONFLICT');
    const short = await tryCheckIn(stack, host.scanner, { ...scan, idempotencyKey: 'k-12345' });
    expect(errorOf(short)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
  });

  it('rule 2: returns a stored rejection again after its cause is gone', async () => {
    const { seeded, pass, host } = await setup();
    await suspendMembership(stack, seeded.admin.token, host.membershipId);
    const scan = { spaceId: host.id, credential: (await holderQr(stack, pass.holderEmail, pass.id)).token };
    const key = newKey();
    const first = await checkIn(stack, host.scanner, { ...scan, idempotencyKey: key });
    expect(first).toMatchObject(rejection('NOT_VALID_AT_SPACE'));
    await approveMembership(stack, seeded.admin.token, host.membershipId);
    expect(await checkIn(stack, host.scanner, { ...scan, idempotencyKey: key })).toEqual(first);
    expect(await checkIn(stack, host.scanner, scan)).toMatchObject(accepted);
  });

  it('rule 3: refuses a scan more than 35 days old or in the future', async () => {
    const { pass, host } = await setup();
    expect(await scan(host, pass.serial, ago(36 * DAY))).toMatchObject(rejection('OUTSIDE_SYNC_WINDOW'));
    expect(await scan(host, pass.serial, ago(-10 * MINUTE))).toMatchObject(rejection('OUTSIDE_SYNC_WINDOW'));
    expect(await scan(host, pass.serial, ago(34 * DAY))).toMatchObject(accepted);
  });

  it('rule 4: rejects unreadable, forged and foreign credentials as INVALID_CREDENTIAL, never as errors', async () => {
    const { seeded, pass, host } = await setup();
    const other = await sellPass(stack, seeded);
    const qr = await holderQr(stack, pass.holderEmail, pass.id);
    type Keys = { networkKeys: Array<{ kid: string; jwk: string }> };
    const [{ kid, jwk }] = dataOf(await stack.gql<Keys>(NETWORK_KEYS, { id: seeded.network.id })).networkKeys;
    const [header, payload, signature] = qr.token.split('.');
    const altered = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: other.id };
    const claims = { sub: pass.id, nid: seeded.network.id, prt: false, aud: 'passerelle/check-in' };
    const exp = { expiresIn: 60 };
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const es256 = (keyId: string) =>
      sign(claims, privateKey, { ...exp, algorithm: 'ES256', header: { alg: 'ES256', typ: 'pass+jwt', kid: keyId } });
    const credentials: Record<string, string> = {
      garbage: 'not a pass at all',
      forged: [header, b64(altered), signature].join('.'),
      foreignKey: es256('x'),
      foreignKeyWithOurKid: es256(kid),
      algNone: `${b64({ alg: 'none', typ: 'pass+jwt', kid })}.${b64({ ...claims, exp: altered.exp })}.`,
      hs256WithPublicJwk: sign(claims, jwk, {
        ...exp,
        algorithm: 'HS256',
        header: { alg: 'HS256', typ: 'pass+jwt', kid },
      }),
      huge: 'x'.repeat(5000),
    };
    for (const [name, credential] of Object.entries(credentials)) {
      const response = await tryCheckIn(stack, host.scanner, { spaceId: host.id, credential });
      expect([name, response.errors, response.data?.checkIn]).toEqual([
        name,
        undefined,
        expect.objectContaining({ ...rejection('INVALID_CREDENTIAL'), pass: null }),
      ]);
    }
    expect(await remainingOf(seeded, pass.id)).toBe(10);
    expect(await remainingOf(seeded, other.id)).toBe(10);
  });

  it('rule 4: a rotating QR past its expiry is EXPIRED_CREDENTIAL, and a typed serial is read forgivingly', async () => {
    const { pass, host } = await setup();
    const qr = await holderQr(stack, pass.holderEmail, pass.id);
    // expiresAt + 2 minutes is beyond the sync window (now + 2 minutes): past the 30 s leeway, within the window.
    const occurredAt = new Date(new Date(qr.expiresAt!).getTime() + 40_000);
    expect(await scan(host, qr.token, occurredAt)).toMatchObject(rejection('EXPIRED_CREDENTIAL'));
    const typed = ` ${pass.serial.toLowerCase().replace('-', ' ')} `;
    expect(await scan(host, typed)).toMatchObject({ ...accepted, pass: { id: pass.id, remainingUnits: 9 } });
  });

  it('rule 5: a revoked pass is PASS_NOT_ACTIVE, by QR or by serial', async () => {
    const { pass, seller, host } = await setup();
    const qr = await holderQr(stack, pass.holderEmail, pass.id);
    dataOf(await stack.gql(REVOKE_PASS, { id: pass.id, reason: 'Lost' }, seller.operator.token));
    for (const credential of [qr.token, pass.serial]) {
      const result = await scan(host, credential);
      expect(result).toMatchObject({ ...rejection('PASS_NOT_ACTIVE'), pass: null });
    }
  });

  it('rule 5: a pass past its validUntil at occurredAt is PASS_NOT_ACTIVE, and valid before it', async () => {
    const { pass, host } = await setup([{}, {}], { validityDays: 30 });
    // A pass issued long ago: its end is moved into the past in the database, as time would.
    const end = ago(3 * DAY);
    const client = new Client({ connectionString: stack.databaseUrl });
    await client.connect();
    await client.query('UPDATE network.passes SET valid_until = $2 WHERE id = $1', [pass.id, end]);
    await client.end();
    expect(await scan(host, pass.serial)).toMatchObject(rejection('PASS_NOT_ACTIVE'));
    expect(await scan(host, pass.serial, ago(4 * DAY))).toMatchObject(accepted);
  });

  it('rule 6: a space whose membership is not ACTIVE is NOT_VALID_AT_SPACE for a QR; a serial names no pass there', async () => {
    const { seeded, pass, host } = await setup();
    const pending = await joinSpace(stack, seeded, { pending: true });
    await suspendMembership(stack, seeded.admin.token, host.membershipId);
    const qr = await holderQr(stack, pass.holderEmail, pass.id);
    for (const space of [host, pending]) {
      expect(await scan(space, qr.token)).toMatchObject(rejection('NOT_VALID_AT_SPACE'));
      expect(await scan(space, pass.serial)).toMatchObject(rejection('INVALID_CREDENTIAL'));
    }
  });

  it('rule 7: a second scan the same day at the same space is a repeat; at another space, a new visit', async () => {
    const { pass, seller, host } = await setup();
    const first = await scan(host, pass.serial);
    const again = await scan(host, pass.serial);
    expect(again).toMatchObject({ ...accepted, repeat: true, pass: { remainingUnits: 9 } });
    expect(again.visit?.id).toBe(first.visit?.id);
    const elsewhere = await scan(seller, pass.serial);
    expect(elsewhere).toMatchObject({ ...accepted, repeat: false, pass: { remainingUnits: 8 } });
    expect(elsewhere.visit?.id).not.toBe(first.visit?.id);
  });

  it("rule 8: refuses a pass once the space's nomad seats for the day are taken", async () => {
    const { seeded, pass, host } = await setup([{}, { nomadSeats: 1 }, { nomadSeats: 0 }]);
    const second = await sellPass(stack, seeded);
    expect(await scan(host, pass.serial)).toMatchObject({ ...accepted, repeat: false });
    expect(await scan(host, second.serial)).toMatchObject({ ...rejection('SPACE_FULL'), pass: { remainingUnits: 10 } });
    expect(await scan(host, pass.serial)).toMatchObject({ ...accepted, repeat: true });
    expect(await scan(seeded.spaces[2], second.serial)).toMatchObject(rejection('SPACE_FULL'));
  });

  it('rule 9: a coupon book runs out of coupons', async () => {
    const { pass, host } = await setup([{}, {}], { units: 1 });
    expect(await scan(host, pass.serial, ago(MINUTE))).toMatchObject({ ...accepted, pass: { remainingUnits: 0 } });
    expect(await scan(host, pass.serial, ago(DAY + HOUR))).toMatchObject({
      ...rejection('PASS_EXHAUSTED'),
      pass: { remainingUnits: 0 },
    });
  });

  it("rule 9: a credit pass spends the host's day price in credits, paid by the network", async () => {
    const product = { kind: 'CREDITS', units: 3, unitValueCents: 150 };
    const { seeded, pass, host } = await setup([{}, { creditsPerDay: 2 }], product);
    const first = await scan(host, pass.serial, ago(MINUTE));
    expect(first).toMatchObject({ ...accepted, pass: { remainingUnits: 1 } });
    expect(first.visit).toMatchObject({
      units: 2,
      amountCents: 300,
      payer: { kind: 'NETWORK', id: seeded.network.id },
    });
    expect(await scan(host, pass.serial, ago(DAY + HOUR))).toMatchObject(rejection('PASS_EXHAUSTED'));
  });

  it('rule 9: a reciprocal pass has its free days per month away, and is free and unlimited at home', async () => {
    const product = { kind: 'RECIPROCAL', units: null, freeDaysPerMonth: 1, unitValueCents: 1200 };
    const { seeded, pass, seller: home, host } = await setup([{}, {}], product);
    const [day1, day2] = sameMonthDays();
    const away = await scan(host, pass.serial, day1);
    expect(away.visit).toMatchObject({ units: 1, amountCents: 1200, payer: { kind: 'SPACE', id: home.id } });
    expect(await scan(host, pass.serial, day2)).toMatchObject(rejection('QUOTA_EXCEEDED'));

    const usedBefore = (await passAs(stack, seeded.admin.token, pass.id))!.daysUsedThisMonth;
    for (const occurredAt of [ago(MINUTE), ago(DAY + HOUR), ago(2 * DAY + 2 * HOUR)]) {
      const atHome = await scan(home, pass.serial, occurredAt);
      expect(atHome).toMatchObject({ ...accepted, repeat: false });
      expect(atHome.visit).toMatchObject({ units: 0, amountCents: 0, payer: { kind: 'SPACE', id: home.id } });
    }
    expect((await passAs(stack, seeded.admin.token, pass.id))!.daysUsedThisMonth).toBe(usedBefore);
  });

  it('rule 9: a corporate pass without a monthly limit is accepted every day, billed to its employer', async () => {
    const seeded = await seedNetwork(stack, { spaces: [{}, {}] });
    const acme = await createOrganization(stack, seeded.admin.token, seeded.network.id);
    const product = { kind: 'CORPORATE', units: null, unitValueCents: 2000 };
    const pass = await sellPass(stack, seeded, product, { organizationId: acme.id });
    const host = seeded.spaces[1];
    for (const occurredAt of [ago(MINUTE), ago(DAY + HOUR), ago(2 * DAY + 2 * HOUR), ago(3 * DAY + 3 * HOUR)]) {
      const result = await scan(host, pass.serial, occurredAt);
      expect(result).toMatchObject({ ...accepted, repeat: false });
      expect(result.visit).toMatchObject({ units: 1, amountCents: 2000, payer: { kind: 'ORGANIZATION', id: acme.id } });
    }
  });

  it('charges units × unit value to the pass’s payer, and nothing at the space that sold it', async () => {
    const { pass, seller, host } = await setup();
    const payer = { kind: 'SPACE', id: seller.id, name: seller.name };
    const atSeller = await scan(seller, pass.serial);
    expect(atSeller.visit).toMatchObject({ status: 'ACCEPTED', units: 1, amountCents: 0, payer });
    const atHost = await scan(host, pass.serial);
    expect(atHost.visit).toMatchObject({
      status: 'ACCEPTED',
      units: 1,
      amountCents: 700,
      payer,
      space: { id: host.id },
    });
  });

  it("shows the host the holder's display name, not their email", async () => {
    const { pass, host } = await setup();
    await holderSession(stack, pass.holderEmail);
    const input = { spaceId: host.id, credential: pass.serial, idempotencyKey: newKey() };
    type Seen = { checkIn: { status: string; pass: { holder: unknown } } };
    const seen = dataOf(await stack.gql<Seen>(CHECK_IN_HOLDER, { input }, host.operator.token)).checkIn;
    expect(seen).toEqual({ status: 'ACCEPTED', pass: { holder: { displayName: HOLDER_NAME, email: null } } });
  });

  it('processes an offline upload in order, one result each, and refuses more than 500 scans', async () => {
    const { seeded, pass, host } = await setup();
    const other = await sellPass(stack, seeded);
    const item = (credential: string, occurredAt: Date): ScanInput => ({ spaceId: host.id, credential, occurredAt });
    const upload = [
      item(pass.serial, ago(3 * MINUTE)),
      item(other.serial, ago(2 * MINUTE)),
      item(pass.serial, ago(MINUTE)),
    ];
    const results = dataOf(await trySyncCheckIns(stack, host.scanner, upload)).syncCheckIns;
    expect(results.map((r: CheckInResult) => [r.status, r.repeat, r.pass?.id])).toEqual([
      ['ACCEPTED', false, pass.id],
      ['ACCEPTED', false, other.id],
      ['ACCEPTED', true, pass.id],
    ]);
    expect(results[2].visit?.id).toBe(results[0].visit?.id);
    const tooMany = Array.from({ length: 501 }, () => item(pass.serial, ago(MINUTE)));
    expect(codeOf(await trySyncCheckIns(stack, host.scanner, tooMany))).toBe('BAD_USER_INPUT');
    const badKey = [item(other.serial, ago(MINUTE)), { ...item(pass.serial, ago(MINUTE)), idempotencyKey: 'short' }];
    expect(errorOf(await trySyncCheckIns(stack, host.scanner, badKey))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input[1].idempotencyKey',
    });
  });

  it('decides each scan of an upload on what the earlier ones took: coupons, seats, and a key sent twice', async () => {
    const { seeded, pass, host } = await setup([{}, { nomadSeats: 1 }], { units: 2 });
    const [second, third] = [await sellPass(stack, seeded), await sellPass(stack, seeded)];
    const item = (credential: string, occurredAt: Date, idempotencyKey = newKey()): ScanInput => ({
      spaceId: host.id,
      credential,
      occurredAt,
      idempotencyKey,
    });
    const twice = newKey();
    // One instant for the day: the key sent twice must be the very same scan, to the millisecond.
    const yesterday = ago(DAY);
    const upload = [
      item(pass.serial, ago(3 * DAY)),
      item(pass.serial, ago(2 * DAY)),
      item(pass.serial, yesterday), // a third day: both coupons are spent
      item(second.serial, yesterday, twice),
      item(third.serial, yesterday), // the host's one seat that day went to second
      item(second.serial, yesterday, twice),
    ];
    const results = dataOf(await trySyncCheckIns(stack, host.scanner, upload)).syncCheckIns;
    expect(results.map((r: CheckInResult) => r.reason ?? r.status)).toEqual([
      'ACCEPTED',
      'ACCEPTED',
      'PASS_EXHAUSTED',
      'ACCEPTED',
      'SPACE_FULL',
      'ACCEPTED',
    ]);
    expect(results[5].visit?.id).toBe(results[3].visit?.id);
    expect(await remainingOf(seeded, pass.id)).toBe(0);
    expect(await remainingOf(seeded, second.id)).toBe(9);

    // A key already used for another scan refuses the whole upload, naming it, and records none of it.
    const reused = [item(third.serial, ago(2 * DAY)), item(third.serial, ago(HOUR), twice)];
    expect(errorOf(await trySyncCheckIns(stack, host.scanner, reused))).toMatchObject({
      code: 'CONFLICT',
      field: 'input[1].idempotencyKey',
    });
    expect(await remainingOf(seeded, third.id)).toBe(10);
    const hosted = await visits(stack, seeded.admin.token, { networkId: seeded.network.id, spaceId: host.id });
    expect(hosted.totalCount).toBe(3);
  });

  it("settles a visit in the network's month, on either side of its last month boundary", async () => {
    const { pass, host } = await setup();
    const boundary = lastMonthStart('Europe/Paris');
    const month = dateIn(boundary, 'Europe/Paris').slice(0, 7);
    const [before, after] = [new Date(boundary - 30 * MINUTE), new Date(boundary + 30 * MINUTE)];
    const late = (await scan(host, pass.serial, before)).visit!;
    const early = (await scan(host, pass.serial, after)).visit!;
    expect(early).toMatchObject({ periodMonth: month, localDate: `${month}-01` });
    expect(late).toMatchObject({ periodMonth: dateIn(before, 'Europe/Paris').slice(0, 7) });
    expect(late.periodMonth).not.toBe(month);
  });

  it("dates a visit in the host space's timezone and settles it in the network's month", async () => {
    const { pass, host } = await setup([{}, { timezone: 'America/Los_Angeles' }]);
    const at = new Date();
    at.setUTCHours(3, 0, 0, 0);
    if (at.getTime() > Date.now()) at.setTime(at.getTime() - DAY);
    const result = await scan(host, pass.serial, at);
    const losAngeles = dateIn(at, 'America/Los_Angeles');
    expect(losAngeles).not.toBe(at.toISOString().slice(0, 10));
    expect(result.visit).toMatchObject({ localDate: losAngeles, periodMonth: dateIn(at, 'Europe/Paris').slice(0, 7) });
  });

  it('voids a visit at the host operator only: the coupon and the seat come back, once', async () => {
    const { seeded, pass, seller, host } = await setup([{}, { nomadSeats: 1 }]);
    const second = await sellPass(stack, seeded);
    const { visit } = await scan(host, pass.serial);
    expect(await scan(host, second.serial)).toMatchObject(rejection('SPACE_FULL'));

    const voidAs = (token: string) =>
      stack.gql<{ voidVisit: unknown }>(VOID_VISIT, { id: visit!.id, reason: 'Mistake' }, token);
    expect(codeOf(await voidAs(seller.operator.token))).toBe('FORBIDDEN');
    expect(dataOf(await voidAs(host.operator.token)).voidVisit).toEqual({ id: visit!.id, status: 'VOIDED' });
    expect(await remainingOf(seeded, pass.id)).toBe(10);
    expect(await scan(host, second.serial)).toMatchObject({ ...accepted, repeat: false });
    expect(codeOf(await voidAs(host.operator.token))).toBe('CONFLICT');
  });

  it('lists the visits each caller may see, and pages through them', async () => {
    const seeded = await seedNetwork(stack, { spaces: [{}, {}, {}] });
    const [a, b, c] = seeded.spaces;
    const [soldByA, soldByB, soldByC] = [
      await sellPass(stack, seeded, {}, {}, a),
      await sellPass(stack, seeded, {}, {}, b),
      await sellPass(stack, seeded, {}, {}, c),
    ];
    const scans: Array<[SeededSpace, string]> = [
      [b, soldByA.serial],
      [c, soldByC.serial],
      [a, soldByB.serial],
      [b, soldByC.serial],
    ];
    const ids: string[] = [];
    for (const [i, [space, credential]] of scans.entries()) {
      ids.push((await scan(space, credential, ago((scans.length - i) * MINUTE))).visit!.id);
    }
    const filter = { networkId: seeded.network.id };
    const seenBy = async (token: string) => (await visits(stack, token, filter)).edges.map((e) => e.node.id).sort();
    expect((await visits(stack, seeded.admin.token, filter)).totalCount).toBe(4);
    expect(await seenBy(a.operator.token)).toEqual([ids[0], ids[2]].sort());
    expect(await seenBy(b.operator.token)).toEqual([ids[0], ids[2], ids[3]].sort());
    expect(await seenBy(c.operator.token)).toEqual([ids[1], ids[3]].sort());
    expect((await visits(stack, c.operator.token, filter)).totalCount).toBe(2);

    const pages: Array<[string, boolean]> = [];
    let after: string | undefined;
    do {
      const page = await visits(stack, seeded.admin.token, filter, 1, after);
      expect(page.edges).toHaveLength(1);
      pages.push([page.edges[0].node.id, page.pageInfo.hasNextPage]);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
    } while (after && pages.length < 10);
    expect(pages).toEqual([...ids].reverse().map((id, i) => [id, i < ids.length - 1]));
  });
});
