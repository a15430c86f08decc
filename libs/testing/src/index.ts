// Tests use the same client as the tools: the client module alone, since the rest of the GraphQL
// library loads Nest and Apollo, which a test file that only talks HTTP has no use for.
export { dataOf, errorOf, postGraphQL, sendGraphQL } from '@passerelle/graphql/client';
export type { GraphQLHttpResponse, GraphQLResponse } from '@passerelle/graphql/client';
export * from './test-database';
export * from './qr-png';
