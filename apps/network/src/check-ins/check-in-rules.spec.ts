import { signPassCredential } from '@passerelle/credentials';
import { generateKeyPairSync } from 'node:crypto';
import { PartyKind } from '@passerelle/contracts';
import { PassKind } from '../products/pass-kind';
import { CheckInStatus, RejectionReason, StoredResult } from './check-in-outcome';
import {
  Admissions,
  DayState,
  judgePass,
  judgeSent,
  PassLookup,
  placeOf,
  ScanContext,
  VerificationKey,
} from './check-in-rules';
import { SerialGuesses, UNKNOWN_SERIALS_PER_MINUTE } from './serial-guesses';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = new Date('2026-10-14T07:12:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const HOST = 'space-host';
const SELLER = 'space-seller';

function context(overrides: Partial<ScanContext> = {}): ScanContext {
  return {
    passId: 'pass-1',
    networkId: 'net-1',
    kind: PassKind.COUPON_BOOK,
    payerKind: PartyKind.SPACE,
    payerId: SELLER,
    homeSpaceId: null,
    revokedAt: null,
    validUntil: null,
    remainingUnits: 10,
    unitValueCents: 1500,
    freeDaysPerMonth: null,
    networkTimezone: 'Europe/Paris',
    spaceTimezone: 'Europe/Paris',
    membershipStatus: 'ACTIVE',
    nomadSeats: null,
    creditsPerDay: null,
    ...overrides,
  };
}

const EMPTY_DAY: DayState = { visitToday: null, daysUsed: 0, seatsTaken: 0 };
const refusal = (reason: RejectionReason) => ({ status: CheckInStatus.REJECTED, reason });

/** Rules 7–9 for scans of one transaction, each with the same day state read before it. */
function admit(scans: Array<{ scan: ScanContext; state?: DayState; at?: Date; spaceId?: string }>) {
  const admissions = new Admissions();
  const results = scans.map(({ scan, state = EMPTY_DAY, at = NOW, spaceId = HOST }) =>
    admissions.decide(scan, placeOf(scan, spaceId, at), state, at, 'scanner-1'),
  );
  return { results, visits: admissions.visits };
}

describe('check-in rules, before any row is read', () => {
  const signer = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const key: VerificationKey = { networkId: 'net-1', publicKey: signer.publicKey };
  const sign = (claims: { networkId?: string; expiresAt?: Date | null } = {}, kid = 'k1') =>
    signPassCredential(
      { kid, privateKey: signer.privateKey },
      { passId: 'pass-1', networkId: claims.networkId ?? 'net-1', printed: true, expiresAt: claims.expiresAt ?? null },
      ago(DAY),
    );
  const looked: string[] = [];
  const keyFor = async (kid: string) => {
    looked.push(kid);
    return kid === 'k1' ? key : undefined;
  };
  const judge = (credential: string, occurredAt?: Date | null) => judgeSent({ credential, occurredAt }, NOW, keyFor);
  beforeEach(() => (looked.length = 0));

  it('rule 3: a scan more than 35 days old or over 2 minutes ahead is OUTSIDE_SYNC_WINDOW, before its credential', async () => {
    for (const at of [ago(35 * DAY + 1), ago(-2 * MINUTE - 1)]) {
      expect(await judge(sign(), at)).toEqual({ at, verdict: RejectionReason.OUTSIDE_SYNC_WINDOW });
    }
    expect(looked).toEqual([]);
    expect(await judge('X93W-GDHG', ago(35 * DAY))).toEqual({ at: ago(35 * DAY), verdict: { serial: 'X93W-GDHG' } });
  });

  it('rule 3: a scan without occurredAt happened now', async () => {
    expect(await judge('x93w gdhg', null)).toEqual({ at: NOW, verdict: { serial: 'X93W-GDHG' } });
  });

  it('rule 4: a QR code signed by the key its kid names gives its pass, with the key’s network', async () => {
    expect((await judge(sign())).verdict).toEqual({ passId: 'pass-1', networkId: 'net-1' });
    expect(looked).toEqual(['k1']);
  });

  it.each<[string, () => string, RejectionReason]>([
    ['an unknown kid', () => sign({}, 'k2'), RejectionReason.INVALID_CREDENTIAL],
    [
      'a token naming another network than its key’s',
      () => sign({ networkId: 'net-2' }),
      RejectionReason.INVALID_CREDENTIAL,
    ],
    ['a code expired at the scan time', () => sign({ expiresAt: ago(MINUTE) }), RejectionReason.EXPIRED_CREDENTIAL],
    ['a malformed token', () => 'a.b.c', RejectionReason.INVALID_CREDENTIAL],
    ['text that is no serial', () => 'hello', RejectionReason.INVALID_CREDENTIAL],
    [
      'a string past the credential length limit',
      () => 'X93W-GDHG'.padEnd(5000, ' '),
      RejectionReason.INVALID_CREDENTIAL,
    ],
  ])('rule 4: %s is refused', async (_name, credential, reason) => {
    expect((await judge(credential())).verdict).toBe(reason);
  });
});

describe('check-in rules on the locked pass', () => {
  const qr: PassLookup = { passId: 'pass-1', networkId: 'net-1' };
  const typed: PassLookup = { serial: 'X93W-GDHG' };

  it('rule 4: a QR code naming no pass of its network is INVALID_CREDENTIAL, and counts no guess', () => {
    const guesses = new SerialGuesses(0);
    expect(judgePass(qr, null, NOW, guesses)).toMatchObject(refusal(RejectionReason.INVALID_CREDENTIAL));
    expect(guesses.added).toBe(0);
  });

  it('rule 4: a typed serial naming no pass counts against the desk, and past the cap no serial is looked up', () => {
    const guesses = new SerialGuesses(UNKNOWN_SERIALS_PER_MINUTE - 1);
    expect(judgePass(typed, null, NOW, guesses)).toMatchObject(refusal(RejectionReason.INVALID_CREDENTIAL));
    expect(guesses.added).toBe(1);
    const capped = judgePass(typed, context(), NOW, guesses);
    expect(capped).toMatchObject({ ...refusal(RejectionReason.INVALID_CREDENTIAL), passId: null });
    expect(capped!.message).toMatch(/Too many unknown pass codes/);
    // A QR code is signed: nothing to guess, never capped.
    expect(judgePass(qr, context(), NOW, guesses)).toBeNull();
  });

  it('rule 5: a revoked pass, or one past validUntil at the scan time, is PASS_NOT_ACTIVE', () => {
    const guesses = new SerialGuesses(0);
    const revoked = context({ revokedAt: ago(DAY) });
    const ended = context({ validUntil: ago(MINUTE) });
    expect(judgePass(qr, revoked, NOW, guesses)).toMatchObject({
      ...refusal(RejectionReason.PASS_NOT_ACTIVE),
      passId: 'pass-1',
    });
    expect(judgePass(qr, ended, NOW, guesses)).toMatchObject(refusal(RejectionReason.PASS_NOT_ACTIVE));
    expect(judgePass(qr, ended, ago(2 * MINUTE), guesses)).toBeNull();
  });

  it('rule 6: a space whose membership in the pass’s network is not ACTIVE is NOT_VALID_AT_SPACE, after rule 5', () => {
    const guesses = new SerialGuesses(0);
    for (const membershipStatus of ['SUSPENDED', null]) {
      expect(judgePass(qr, context({ membershipStatus }), NOW, guesses)).toMatchObject(
        refusal(RejectionReason.NOT_VALID_AT_SPACE),
      );
    }
    const both = context({ membershipStatus: null, revokedAt: ago(DAY) });
    expect(judgePass(qr, both, NOW, guesses)).toMatchObject(refusal(RejectionReason.PASS_NOT_ACTIVE));
  });
});

describe('check-in rules on the locked day', () => {
  it('places a scan on the host’s local date and in the network’s month', () => {
    const scan = context({ spaceTimezone: 'Pacific/Auckland', networkTimezone: 'America/Los_Angeles' });
    const at = new Date('2026-10-31T12:30:00Z');
    expect(placeOf(scan, HOST, at)).toMatchObject({ day: '2026-11-01', month: '2026-10' });
  });

  it('rule 7: a pass already in at this space that day is ACCEPTED again as a repeat, nothing taken', () => {
    const full = context({ nomadSeats: 1, remainingUnits: 0 });
    const { results, visits } = admit([{ scan: full, state: { visitToday: 'visit-0', daysUsed: 0, seatsTaken: 1 } }]);
    expect(results).toEqual([expect.objectContaining({ status: 'ACCEPTED', repeat: true, visitId: 'visit-0' })]);
    expect(visits).toEqual([]);
  });

  it('rule 7: a second scan of one upload the same day repeats the first one’s visit', () => {
    const { results, visits } = admit([
      { scan: context() },
      { scan: context(), at: new Date(NOW.getTime() + 3600_000) },
    ]);
    expect(results.map((r) => [r.repeat, r.visitId])).toEqual([
      [false, visits[0].id],
      [true, visits[0].id],
    ]);
    expect(visits).toHaveLength(1);
  });

  it('rule 8: the nomad seats taken that day, in the database and earlier in the batch, are SPACE_FULL', () => {
    const seated = (passId: string) => context({ passId, nomadSeats: 2 });
    expect(admit([{ scan: seated('a'), state: { ...EMPTY_DAY, seatsTaken: 2 } }]).results[0]).toMatchObject(
      refusal(RejectionReason.SPACE_FULL),
    );
    const { results } = admit([
      { scan: seated('a'), state: { ...EMPTY_DAY, seatsTaken: 1 } },
      { scan: seated('b'), state: { ...EMPTY_DAY, seatsTaken: 1 } },
    ]);
    expect(results.map((r) => r.reason)).toEqual([null, RejectionReason.SPACE_FULL]);
  });

  it('rule 8: a reciprocal pass at its home space takes no seat, and is free', () => {
    const home = context({
      kind: PassKind.RECIPROCAL,
      homeSpaceId: HOST,
      payerId: HOST,
      nomadSeats: 0,
      freeDaysPerMonth: 0,
    });
    const { results, visits } = admit([{ scan: home, state: { ...EMPTY_DAY, seatsTaken: 5, daysUsed: 9 } }]);
    expect(results[0]).toMatchObject({ status: 'ACCEPTED', repeat: false });
    expect(visits[0]).toMatchObject({
      units: 0,
      amountCents: 0,
      debit: 0,
      place: { takesSeat: false, quotaMonth: null },
    });
  });

  it('rule 9: a coupon book or credits without enough units left is PASS_EXHAUSTED, after rule 8', () => {
    const credits = context({
      kind: PassKind.CREDITS,
      payerKind: PartyKind.NETWORK,
      creditsPerDay: 3,
      remainingUnits: 2,
    });
    expect(admit([{ scan: credits }]).results[0]).toMatchObject(refusal(RejectionReason.PASS_EXHAUSTED));
    const { results } = admit([
      { scan: context({ remainingUnits: 1 }) },
      { scan: context({ remainingUnits: 1 }), spaceId: 'b' },
    ]);
    expect(results.map((r) => r.reason)).toEqual([null, RejectionReason.PASS_EXHAUSTED]);
    const emptyAndFull = context({ remainingUnits: 0, nomadSeats: 1 });
    expect(admit([{ scan: emptyAndFull, state: { ...EMPTY_DAY, seatsTaken: 1 } }]).results[0]).toMatchObject(
      refusal(RejectionReason.SPACE_FULL),
    );
  });

  it('rule 9: a pass with a day quota that has used its days of the network month is QUOTA_EXCEEDED', () => {
    const corporate = (freeDaysPerMonth: number | null) =>
      context({ kind: PassKind.CORPORATE, payerKind: PartyKind.ORGANIZATION, remainingUnits: null, freeDaysPerMonth });
    expect(admit([{ scan: corporate(2), state: { ...EMPTY_DAY, daysUsed: 2 } }]).results[0]).toMatchObject(
      refusal(RejectionReason.QUOTA_EXCEEDED),
    );
    const { results } = admit([
      { scan: corporate(2), state: { ...EMPTY_DAY, daysUsed: 1 } },
      { scan: corporate(2), spaceId: 'b' },
    ]);
    expect(results.map((r) => r.reason)).toEqual([null, RejectionReason.QUOTA_EXCEEDED]);
    // No limit: null days a month.
    expect(admit([{ scan: corporate(null), state: { ...EMPTY_DAY, daysUsed: 400 } }]).results[0].status).toBe(
      'ACCEPTED',
    );
  });

  it('accepts with the visit to write: units at the host’s value, owed by the payer, nothing when the payer hosts', () => {
    const credits = context({
      kind: PassKind.CREDITS,
      payerKind: PartyKind.NETWORK,
      payerId: 'net-1',
      creditsPerDay: 3,
    });
    const { results, visits } = admit([{ scan: credits }, { scan: context({ passId: 'p2', payerId: HOST }) }]);
    expect(results.every((r: StoredResult) => r.status === 'ACCEPTED' && !r.repeat)).toBe(true);
    expect(visits.map((v) => [v.units, v.debit, v.amountCents, v.scannerId])).toEqual([
      [3, 3, 4500, 'scanner-1'],
      [1, 1, 0, 'scanner-1'],
    ]);
    expect(results.map((r) => r.visitId)).toEqual(visits.map((v) => v.id));
  });
});
