import { randomUUID } from 'node:crypto';
import { bad, BadInputCase, nothing, request } from '../case';
import type { World } from '../world';
import { NUL } from '../values';

/** `_entities` is each subgraph's back door: it skips every Query-level check. */
const ENTITIES = (selection: string) =>
  `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`;
const VISIT_PASS = ENTITIES('... on Visit { id pass { id serial remainingUnits holder { id } } }');
const VISIT_MONEY = ENTITIES('... on Visit { id amountCents units status localDate }');
const VISIT_WHEN = ENTITIES('... on Visit { id occurredAt }');
const VISIT_PARTIES = ENTITIES('... on Visit { id payer { id name } space { id name } }');
// A display name is public (host spaces see it); the email is not.
const USER_EMAIL = ENTITIES('... on User { id email }');
const USER_ROLES = ENTITIES('... on User { id roles { role network { id } } }');
const PASS_ENTITY = ENTITIES('... on Pass { id serial remainingUnits }');
const PERIOD_MONTH = ENTITIES('... on Visit { id periodMonth }');

const visit = (w: World, fields: Record<string, unknown>) => ({
  representations: [{ __typename: 'Visit', id: w.visitId, ...fields }],
});
const toNetwork = (as: 'anonymous' | 'stranger' = 'stranger') => ({ target: 'network', as }) as const;

export const subgraphCases: BadInputCase[] = [
  request(
    'network _entities: a Visit naming the pass to read',
    VISIT_PASS,
    (w) => visit(w, { passId: w.passId }),
    nothing,
    toNetwork(),
  ),
  request(
    'network _entities: an invented Visit naming a pass, anonymous',
    VISIT_PASS,
    (w) => ({ representations: [{ __typename: 'Visit', id: randomUUID(), passId: w.passId }] }),
    nothing,
    toNetwork('anonymous'),
  ),
  request(
    'network _entities: a Visit carrying its own amount',
    VISIT_MONEY,
    (w) => visit(w, { amountCents: 99_999, units: 1, status: 'ACCEPTED', localDate: '2026-10-14' }),
    nothing,
    toNetwork(),
  ),
  request(
    'network _entities: a Visit carrying its own instant',
    VISIT_WHEN,
    (w) => visit(w, { occurredAt: '2026-10-14T07:12:00.000Z' }),
    nothing,
    toNetwork(),
  ),
  request(
    'network _entities: a Visit naming payer and space',
    VISIT_PARTIES,
    (w) => visit(w, { payerKind: 'SPACE', payerId: w.spaceId, spaceId: w.hostSpaceId }),
    nothing,
    toNetwork(),
  ),
  request(
    'network _entities: a Pass, which is no entity',
    PASS_ENTITY,
    (w) => ({ representations: [{ __typename: 'Pass', id: w.passId }] }),
    nothing,
    toNetwork(),
  ),
  request(
    "network _entities: a User's roles, asked by another",
    USER_ROLES,
    (w) => ({ representations: [{ __typename: 'User', id: w.adminUserId }] }),
    nothing,
    toNetwork(),
  ),
  request(
    "accounts _entities: a holder's email, asked by a stranger",
    USER_EMAIL,
    (w) => ({ representations: [{ __typename: 'User', id: w.holderUserId }] }),
    nothing,
    { target: 'accounts', as: 'stranger' },
  ),
  request(
    "accounts _entities: a holder's email, anonymous",
    USER_EMAIL,
    (w) => ({ representations: [{ __typename: 'User', id: w.holderUserId, email: 'forged@example.org' }] }),
    nothing,
    { target: 'accounts' },
  ),
  request(
    'settlement _entities: an invented Visit',
    PERIOD_MONTH,
    () => ({ representations: [{ __typename: 'Visit', id: randomUUID() }] }),
    nothing,
    { target: 'settlement', as: 'stranger' },
  ),

  request(
    'network subgraph: NUL in a network name, straight',
    `mutation R($input: RegisterNetworkInput!) { registerNetwork(input: $input) { id } }`,
    { input: { slug: 'corpus-direct', name: NUL } },
    bad('input.name'),
    toNetwork(),
  ),
  request(
    'network subgraph: a query nested too deep, straight',
    `query Deep($id: ID!) { network(id: $id) { ${'memberships { space { memberships { network { '.repeat(4)}id${' } } } }'.repeat(4)} } }`,
    (w) => ({ id: w.networkId }),
    bad('query'),
    toNetwork('anonymous'),
  ),
  request(
    'accounts subgraph: NUL in a displayName, straight',
    `mutation S($input: SignUpInput!) { signUp(input: $input) { accessToken } }`,
    { input: { email: 'direct@example.org', password: 'correct horse battery', displayName: NUL } },
    bad('input.displayName'),
    { target: 'accounts' },
  ),
  request(
    'settlement subgraph: month 13, straight',
    `query P($networkId: ID!, $month: String!) { period(networkId: $networkId, month: $month) { status } }`,
    (w) => ({ networkId: w.networkId, month: '2026-13' }),
    bad('month'),
    { target: 'settlement', as: 'admin' },
  ),
];
