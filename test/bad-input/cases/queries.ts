import { bad, BadInputCase, invalid, request } from '../case';
import type { World } from '../world';
import { INT_OVERFLOW, long, MALFORMED_ID, NUL, SQL_ID } from '../values';

const NETWORK = `query Network($id: ID, $slug: String) { network(id: $id, slug: $slug) { id name } }`;
const SPACE = `query Space($id: ID, $slug: String) { space(id: $id, slug: $slug) { id name } }`;
const PASS = `query Pass($id: ID!) { pass(id: $id) { id serial } }`;
const PASS_QR = `query PassQr($id: ID!, $printed: Boolean) { pass(id: $id) { qr(printed: $printed) { token } } }`;
const PASS_VISITS = `query PassVisits($id: ID!, $first: Int, $after: String) {
  pass(id: $id) { visits(first: $first, after: $after) { totalCount } }
}`;
const MEMBERSHIPS = `query Memberships($id: ID!, $status: MembershipStatus) {
  network(id: $id) { memberships(status: $status) { id } }
}`;
const VISITS = `query Visits($filter: VisitFilter!, $first: Int, $after: String) {
  visits(filter: $filter, first: $first, after: $after) { totalCount edges { node { id } } }
}`;
const PERIOD = `query Period($networkId: ID!, $month: String!) { period(networkId: $networkId, month: $month) { status } }`;
const CLOSE_PERIOD = `mutation ClosePeriod($networkId: ID!, $month: String!) {
  closePeriod(networkId: $networkId, month: $month) { status }
}`;
const NETWORK_KEYS = `query NetworkKeys($networkId: ID!) { networkKeys(networkId: $networkId) { kid } }`;

const visits =
  (filter: Record<string, unknown>, page: Record<string, unknown> = {}) =>
  (w: World) => ({
    filter: { networkId: w.networkId, ...filter },
    ...page,
  });
const month = (value: unknown) => (w: World) => ({ networkId: w.networkId, month: value });
const ofPass = (more: Record<string, unknown>) => (w: World) => ({ id: w.passId, ...more });

const asAdmin = { as: 'admin' } as const;
const asHolder = { as: 'holder' } as const;
const asOperator = { as: 'operator' } as const;

/** Months a client may get wrong: the contract's form is `YYYY-MM`. */
const BAD_MONTHS: Array<[string, unknown]> = [
  ['month 13', '2026-13'],
  ['a one-digit month', '2026-1'],
  ['a date instead of a month', '2026-10-01'],
  ['an empty month', ''],
  ['full-width digits', '２０２６-１０'],
  ['NUL after the month', '2026-10\u0000'],
];

export const queryCases: BadInputCase[] = [
  request('network: malformed id', NETWORK, { id: MALFORMED_ID }, bad('id')),
  request('network: NUL in the slug', NETWORK, { slug: `toulouse${NUL}` }, bad('slug')),
  request('network: overlong slug', NETWORK, { slug: long(10_000) }, bad('slug')),
  request(
    'network: memberships by an unknown status',
    MEMBERSHIPS,
    (w) => ({ id: w.networkId, status: 'GONE' }),
    invalid('status'),
    asAdmin,
  ),
  request('space: id with SQL in it', SPACE, { id: SQL_ID }, bad('id')),
  request('space: NUL in the slug', SPACE, { slug: `la-serre${NUL}` }, bad('slug')),
  request('space: id as a list', SPACE, { id: ['a', 'b'] }, invalid('id')),
  request('pass: malformed id', PASS, { id: MALFORMED_ID }, bad('id'), asHolder),
  request('pass: NUL in the id', PASS, { id: NUL }, bad('id'), asHolder),
  request('pass: id variable missing', PASS, {}, invalid('id'), asHolder),
  request('pass: qr printed as a string', PASS_QR, ofPass({ printed: 'yes' }), invalid('printed'), asHolder),
  request('pass: visits with a negative first', PASS_VISITS, ofPass({ first: -1 }), bad('first'), asHolder),
  request('pass: visits after a forged cursor', PASS_VISITS, ofPass({ after: 'not-a-cursor' }), bad('after'), asHolder),
  request(
    'myPasses: qr printed as an Int literal',
    `{ myPasses { qr(printed: 1) { token } } }`,
    {},
    invalid('printed', 'query'),
    asHolder,
  ),

  request('visits: malformed networkId', VISITS, visits({ networkId: MALFORMED_ID }), bad('filter.networkId'), asAdmin),
  request('visits: malformed spaceId', VISITS, visits({ spaceId: MALFORMED_ID }), bad('filter.spaceId'), asAdmin),
  request('visits: month 13', VISITS, visits({ month: '2026-13' }), bad('filter.month'), asAdmin),
  request('visits: NUL in the month', VISITS, visits({ month: `2026-10${NUL}` }), bad('filter.month'), asAdmin),
  request('visits: unknown status', VISITS, visits({ status: 'DELETED' }), invalid('filter.status'), asAdmin),
  request('visits: networkId missing', VISITS, { filter: {} }, invalid('filter.networkId', 'filter'), asAdmin),
  request('visits: filter missing', VISITS, {}, invalid('filter'), asAdmin),
  request('visits: negative first', VISITS, visits({}, { first: -1 }), bad('first'), asAdmin),
  request('visits: first above Int', VISITS, visits({}, { first: INT_OVERFLOW }), invalid('first'), asAdmin),
  request('visits: first as a string', VISITS, visits({}, { first: '10' }), invalid('first'), asAdmin),
  request('visits: first of a million', VISITS, visits({}, { first: 1_000_000 }), bad('first', 'query'), asAdmin),
  request(
    'visits: after a forged cursor',
    VISITS,
    visits({}, { after: 'eyJpZCI6Ik9SIDE9MSJ9' }),
    bad('after'),
    asAdmin,
  ),
  request('visits: NUL in the cursor', VISITS, visits({}, { after: NUL }), bad('after'), asAdmin),

  ...BAD_MONTHS.map(([what, value]) => request(`period: ${what}`, PERIOD, month(value), bad('month'), asAdmin)),
  ...BAD_MONTHS.map(([what, value]) =>
    request(`closePeriod: ${what}`, CLOSE_PERIOD, month(value), bad('month'), asAdmin),
  ),
  request(
    'period: malformed networkId',
    PERIOD,
    (w) => ({ networkId: MALFORMED_ID, month: w.month }),
    bad('networkId'),
    asOperator,
  ),
  request('period: month as a number', PERIOD, month(202610), invalid('month'), asAdmin),
  request(
    'closePeriod: malformed networkId',
    CLOSE_PERIOD,
    { networkId: MALFORMED_ID, month: '2026-01' },
    bad('networkId'),
    asAdmin,
  ),
  request('closePeriod: month missing', CLOSE_PERIOD, (w) => ({ networkId: w.networkId }), invalid('month'), asAdmin),

  request('networkKeys: malformed networkId', NETWORK_KEYS, { networkId: MALFORMED_ID }, bad('networkId')),
  request('networkKeys: NUL in the networkId', NETWORK_KEYS, { networkId: NUL }, bad('networkId')),
  request('networkKeys: networkId null', NETWORK_KEYS, { networkId: null }, invalid('networkId')),
];
