import { bad, BadInputCase, invalid, rawBody, request, unknownPersistedQuery, unparsable } from '../case';
import type { World } from '../world';

const ME = `query Me { me { id } }`;
/** Nested past the depth limit (12) through fields every caller may read. */
const DEEP = `query Deep($id: ID!) { network(id: $id) { ${'memberships { space { memberships { network { '.repeat(4)}id${' } } } }'.repeat(4)} } }`;
/** Cheap to write, costly to answer: a page of a thousand visits, each with a page of a thousand more. */
const EXPENSIVE = `query Expensive($networkId: ID!) {
  visits(filter: { networkId: $networkId }, first: 1000) {
    edges { node { pass { visits(first: 1000) { edges { node { id space { name } payer { name } } } } } } }
  }
}`;
const WIDE = `query Wide { ${Array.from({ length: 40 }, (_, i) => `a${i}: networks { id }`).join(' ')} }`;
const network = (w: World) => ({ id: w.networkId, networkId: w.networkId });

export const protocolCases: BadInputCase[] = [
  request('a document that does not parse', `query Me { me { id }`, {}, unparsable('query')),
  request('an empty document', '', {}, unparsable('query')),
  request('a field that does not exist', `query Me { me { id password } }`, {}, invalid('password', 'query')),
  request(
    'a misspelt field, in production without suggestions',
    `query Me { me { emial } }`,
    {},
    invalid('emial', 'query'),
  ),
  request('an argument that does not exist', `query Me { me(id: "x") { id } }`, {}, invalid('id', 'query')),
  request('an unknown directive', `query Me { me @admin { id } }`, {}, invalid('query', 'admin')),
  request('a variable of an unknown type', `query Me($x: Secret) { me { id } }`, {}, invalid('x', 'query')),
  request('a variable declared twice', `query Me($x: Int, $x: Int) { me { id } }`, {}, invalid('x', 'query')),
  request('a variable used but not declared', `query Pass { pass(id: $id) { id } }`, {}, invalid('id', 'query')),
  request(
    'fragments that spread each other',
    `query Me { me { ...A } } fragment A on User { ...B } fragment B on User { ...A }`,
    {},
    invalid('query', 'A', 'B'),
  ),
  request(
    'an Int literal beyond 32 bits',
    `query Visits($networkId: ID!) { visits(filter: { networkId: $networkId }, first: 99999999999) { totalCount } }`,
    network,
    invalid('first', 'query'),
  ),
  request(
    'two operations without operationName',
    `${ME} query Networks { networks { id } }`,
    {},
    unparsable('query', 'operationName'),
  ),
  request('an operationName naming none of them', ME, {}, unparsable('operationName', 'query'), {
    extra: { operationName: 'Nope' },
  }),
  request(
    'a subscription, which the API has none of',
    `subscription Visits { visits { id } }`,
    {},
    invalid('query', 'visits'),
  ),
  request(
    'introspection in production',
    `query Schema { __schema { types { name } } }`,
    {},
    invalid('query', '__schema'),
  ),
  request(
    '_entities through the gateway',
    `query E($r: [_Any!]!) { _entities(representations: $r) { __typename } }`,
    { r: [{ __typename: 'User', id: '0' }] },
    invalid('_entities', 'query', 'r'),
  ),
  request('a query nested too deep', DEEP, network, bad('query')),
  request('a query with too many aliases', WIDE, {}, bad('query')),
  request('a query too expensive', EXPENSIVE, network, bad('query'), { as: 'admin' }),
  rawBody(
    'an unknown persisted query hash',
    { extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } },
    unknownPersistedQuery,
  ),
  rawBody('a batch of two operations', [{ query: ME }, { query: ME }], bad('query')),
  rawBody('a body that is not JSON', '{"query": "{ me { id } }"', bad('query', 'body')),
  rawBody('a query that is a number', { query: 42 }, bad('query')),
  rawBody('variables that are a string', { query: ME, variables: '{"id":1}' }, bad('variables', 'query')),
];
