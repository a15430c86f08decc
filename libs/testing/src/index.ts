// Tests use the same client as the tools.
export { dataOf, errorOf, postGraphQL } from '@passerelle/graphql';
export type { GraphQLResponse } from '@passerelle/graphql';
export * from './test-database';
