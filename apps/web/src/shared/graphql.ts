import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env';

/**
 * GraphQL documents typed from the composed supergraph (apps/gateway/supergraph.graphql): a field
 * the API does not have, or a wrong variable, fails `npm run lint`.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; Cents: number; ID: string };
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';
