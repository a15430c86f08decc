import { bad, BadInputCase, invalid, request } from '../case';
import type { World } from '../world';
import { BLANK, key, LONE_HIGH, long, MALFORMED_ID, NUL } from '../values';

const CHECK_IN = `mutation CheckIn($input: CheckInInput!) { checkIn(input: $input) { status reason visit { id } } }`;
const SYNC = `mutation SyncCheckIns($input: [CheckInInput!]!) { syncCheckIns(input: $input) { status visit { id } } }`;
const VOID_VISIT = `mutation VoidVisit($visitId: ID!, $reason: String!) { voidVisit(visitId: $visitId, reason: $reason) { id } }`;

/** A scan the scanner could make for real: the world's pass by its serial, at the scanner's space. */
const scan = (w: World, overrides: Record<string, unknown> = {}) => ({
  spaceId: w.spaceId,
  credential: w.passSerial,
  idempotencyKey: key(),
  ...overrides,
});
const checkIn = (overrides: Record<string, unknown>) => (w: World) => ({ input: scan(w, overrides) });
/** Four good scans on earlier days, the bad one at `index`: all or nothing of the upload is recorded. */
const upload = (index: number, overrides: Record<string, unknown>) => (w: World) => ({
  input: [1, 2, 3, 4].map((daysAgo, i) =>
    scan(w, {
      occurredAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
      ...(i === index ? overrides : {}),
    }),
  ),
});
const voidVisit = (overrides: Record<string, unknown>) => (w: World) => ({
  visitId: w.visitId,
  reason: 'Scanned by mistake',
  ...overrides,
});

const asScanner = { as: 'scanner' } as const;
const asHostOperator = { as: 'hostOperator' } as const;

// A credential may be any string (an unreadable one is a rejection result, not an error): only a NUL,
// which no text may hold, is refused there.
export const checkInCases: BadInputCase[] = [
  request('checkIn: malformed spaceId', CHECK_IN, checkIn({ spaceId: MALFORMED_ID }), bad('input.spaceId'), asScanner),
  request(
    'checkIn: NUL in the credential',
    CHECK_IN,
    checkIn({ credential: `x93w${NUL}` }),
    bad('input.credential'),
    asScanner,
  ),
  request(
    'checkIn: lone surrogate in the idempotencyKey',
    CHECK_IN,
    checkIn({ idempotencyKey: `corpus-${LONE_HIGH}-desk` }),
    bad('input.idempotencyKey'),
    asScanner,
  ),
  request(
    'checkIn: spaceId missing',
    CHECK_IN,
    (w) => ({ input: { credential: w.passSerial, idempotencyKey: key() } }),
    invalid('input.spaceId', 'input'),
    asScanner,
  ),
  request(
    'checkIn: occurredAt on February 30',
    CHECK_IN,
    checkIn({ occurredAt: '2026-02-30T08:00:00Z' }),
    invalid('input.occurredAt'),
    asScanner,
  ),
  request(
    'checkIn: credential as a number',
    CHECK_IN,
    checkIn({ credential: 1234 }),
    invalid('input.credential'),
    asScanner,
  ),
  request(
    'checkIn: idempotencyKey of 7 characters',
    CHECK_IN,
    checkIn({ idempotencyKey: 'abcdefg' }),
    bad('input.idempotencyKey'),
    asScanner,
  ),
  request(
    'checkIn: idempotencyKey of 129 characters',
    CHECK_IN,
    checkIn({ idempotencyKey: long(129) }),
    bad('input.idempotencyKey'),
    asScanner,
  ),
  request(
    'checkIn: NUL in the idempotencyKey',
    CHECK_IN,
    checkIn({ idempotencyKey: `corpus-key${NUL}-desk` }),
    bad('input.idempotencyKey'),
    asScanner,
  ),
  request(
    'checkIn: empty idempotencyKey',
    CHECK_IN,
    checkIn({ idempotencyKey: '' }),
    bad('input.idempotencyKey'),
    asScanner,
  ),
  request(
    'checkIn: idempotencyKey missing',
    CHECK_IN,
    (w) => ({ input: { spaceId: w.spaceId, credential: w.passSerial } }),
    invalid('input.idempotencyKey', 'input'),
    asScanner,
  ),
  request(
    'checkIn: occurredAt not a date',
    CHECK_IN,
    checkIn({ occurredAt: 'yesterday' }),
    invalid('input.occurredAt'),
    asScanner,
  ),
  request(
    'checkIn: occurredAt with month 13',
    CHECK_IN,
    checkIn({ occurredAt: '2026-13-01T10:00:00Z' }),
    invalid('input.occurredAt'),
    asScanner,
  ),
  request(
    'checkIn: occurredAt at hour 25',
    CHECK_IN,
    checkIn({ occurredAt: '2026-10-14T25:00:00Z' }),
    invalid('input.occurredAt'),
    asScanner,
  ),
  request(
    'checkIn: occurredAt beyond the last date there is',
    CHECK_IN,
    checkIn({ occurredAt: '+275760-09-13T00:00:00.001Z' }),
    invalid('input.occurredAt'),
    asScanner,
  ),
  request(
    'checkIn: occurredAt as a number',
    CHECK_IN,
    checkIn({ occurredAt: 1_760_000_000_000 }),
    invalid('input.occurredAt'),
    asScanner,
  ),
  request('checkIn: occurredAt empty', CHECK_IN, checkIn({ occurredAt: '' }), invalid('input.occurredAt'), asScanner),
  request(
    'checkIn: occurredAt in day/month/year',
    CHECK_IN,
    checkIn({ occurredAt: '14/10/2026 10:00' }),
    invalid('input.occurredAt'),
    asScanner,
  ),
  request('checkIn: input as a list of strings', CHECK_IN, { input: ['x93w gdhg'] }, invalid('input'), asScanner),

  request(
    'syncCheckIns: NUL in the 4th idempotencyKey',
    SYNC,
    upload(3, { idempotencyKey: `corpus${NUL}-key-4th` }),
    bad('input[3].idempotencyKey'),
    asScanner,
  ),
  request(
    'syncCheckIns: 1st idempotencyKey too short',
    SYNC,
    upload(0, { idempotencyKey: 'short' }),
    bad('input[0].idempotencyKey'),
    asScanner,
  ),
  request(
    'syncCheckIns: malformed spaceId in the 3rd scan',
    SYNC,
    upload(2, { spaceId: MALFORMED_ID }),
    bad('input[2].spaceId'),
    asScanner,
  ),
  request(
    'syncCheckIns: NUL in the 4th credential',
    SYNC,
    upload(3, { credential: NUL }),
    bad('input[3].credential'),
    asScanner,
  ),
  request(
    'syncCheckIns: malformed occurredAt in the 2nd scan',
    SYNC,
    upload(1, { occurredAt: '2026-02-30T08:00:00Z' }),
    invalid('input[1].occurredAt'),
    asScanner,
  ),
  request(
    'syncCheckIns: lone surrogate in the 2nd idempotencyKey',
    SYNC,
    upload(1, { idempotencyKey: `corpus-${LONE_HIGH}-key` }),
    bad('input[1].idempotencyKey'),
    asScanner,
  ),
  request(
    'syncCheckIns: 501 scans',
    SYNC,
    (w) => ({ input: Array.from({ length: 501 }, () => scan(w)) }),
    bad('input'),
    asScanner,
  ),
  request(
    'syncCheckIns: a null scan in the list',
    SYNC,
    (w) => ({ input: [scan(w), null] }),
    invalid('input[1]', 'input'),
    asScanner,
  ),

  request(
    'voidVisit: malformed visitId',
    VOID_VISIT,
    voidVisit({ visitId: MALFORMED_ID }),
    bad('visitId'),
    asHostOperator,
  ),
  request(
    'voidVisit: NUL in the reason',
    VOID_VISIT,
    voidVisit({ reason: `Erreur${NUL}` }),
    bad('reason'),
    asHostOperator,
  ),
  request('voidVisit: blank reason', VOID_VISIT, voidVisit({ reason: BLANK }), bad('reason'), asHostOperator),
  request(
    'voidVisit: lone surrogate in the reason',
    VOID_VISIT,
    voidVisit({ reason: LONE_HIGH }),
    bad('reason'),
    asHostOperator,
  ),
  request('voidVisit: reason as a number', VOID_VISIT, voidVisit({ reason: 404 }), invalid('reason'), asHostOperator),
  // Last of the world's visit: a server that accepts it voids the visit for good.
  request('voidVisit: overlong reason', VOID_VISIT, voidVisit({ reason: long(10_000) }), bad('reason'), asHostOperator),
];
