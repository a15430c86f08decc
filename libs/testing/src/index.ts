// Tests use the same client as the tools.
export { dataOf, errorOf, postGraphQL, sendGraphQL } from '@passerelle/graphql';
export type { GraphQLHttpResponse, GraphQLResponse } from '@passerelle/graphql';
export * from './test-database';
