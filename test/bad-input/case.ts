import type { SubgraphName } from '@passerelle/config';
import type { Role, World } from './world';

/** Where a request goes: the gateway, or straight to one subgraph (the attacks that skip the gateway). */
export type Target = 'gateway' | SubgraphName;

export type Expected =
  /** HTTP 400, the first error's code among `codes`, naming one of `fields`. */
  | { kind: 'refused'; codes: string[]; fields: string[] }
  /** A forged `_entities` call: an error or nulls, never a value the caller supplied or may not see. */
  | { kind: 'nothing' };

export interface BadInputCase {
  name: string;
  target: Target;
  as: Role;
  /** The HTTP body: an object sent as JSON, or a string sent as is. */
  body(world: World): object | string;
  expected: Expected;
}

type Variables = Record<string, unknown> | ((world: World) => Record<string, unknown>);
type Options = { as?: Role; target?: Target; extra?: Record<string, unknown> };

/** A GraphQL request of the corpus: a document and its variables, sent by `as` (anonymous by default). */
export function request(
  name: string,
  query: string,
  variables: Variables,
  expected: Expected,
  { as = 'anonymous', target = 'gateway', extra = {} }: Options = {},
): BadInputCase {
  return {
    name,
    target,
    as,
    expected,
    body: (world) => ({ query, variables: typeof variables === 'function' ? variables(world) : variables, ...extra }),
  };
}

/** A body no GraphQL request can be (malformed JSON, a batch, a query that is no string). */
export function rawBody(name: string, body: object | string, expected: Expected, as: Role = 'anonymous'): BadInputCase {
  return { name, target: 'gateway', as, expected, body: () => body };
}

/** A client mistake in an argument or input field, checked by the server's own rules. */
export const bad = (...fields: string[]): Expected => ({ kind: 'refused', codes: ['BAD_USER_INPUT'], fields });
/** A mistake GraphQL validation or variable coercion catches (Apollo's standard code allowed). */
export const invalid = (...fields: string[]): Expected => ({
  kind: 'refused',
  codes: ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'],
  fields,
});
export const unparsable = (...fields: string[]): Expected => ({
  kind: 'refused',
  codes: ['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED'],
  fields,
});
export const unknownPersistedQuery: Expected = {
  kind: 'refused',
  codes: ['BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND'],
  fields: ['query', 'extensions.persistedQuery.sha256Hash', 'sha256Hash'],
};
export const nothing: Expected = { kind: 'nothing' };
