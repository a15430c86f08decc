import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { getVariableValues, GraphQLError, GraphQLSchema, ValidationContext } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { BadUserInputError, ErrorCode } from './errors';
import { declaredCostEstimator, declaredFieldCosts, FieldCosts } from './query-cost';

export const MAX_DEPTH = 12;
export const MAX_ALIASES = 30;
/**
 * The budget of one request, in the units of `@cost`: a plain field costs 1, a QR image what it takes
 * to draw (see `PassQr`), so that a handful of images fit and a hundred do not.
 */
export const MAX_COMPLEXITY = 5000;

// The rules report a validation error (BAD_USER_INPUT naming the query) instead of throwing, which
// Apollo would turn into an internal error.
const reject = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new BadUserInputError('query', error.message.replace(/^Syntax Error: /, ''))),
  ],
};

/** Depth and alias limits, the same at the gateway and at every subgraph. */
export const queryLimitRules = [
  maxDepthRule({ n: MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true, ...reject }),
  maxAliasesRule({ n: MAX_ALIASES, ...reject }),
];

/**
 * Before anything runs: the operation to run must exist, the variables must fit their types, and the
 * estimated cost must be within MAX_COMPLEXITY. The gateway checks this before calling any subgraph,
 * and each subgraph again for whoever reaches it directly.
 */
export function requestLimitsPlugin(options: { supergraphSdl?: string } = {}): ApolloServerPlugin {
  // The gateway reads the costs from the supergraph; a subgraph from its own schema, once.
  const fromSupergraph = options.supergraphSdl === undefined ? undefined : declaredFieldCosts(options.supergraphSdl);
  const fromSchema = new WeakMap<GraphQLSchema, FieldCosts>();
  const costsOf = (schema: GraphQLSchema): FieldCosts => {
    if (fromSupergraph) return fromSupergraph;
    const costs = fromSchema.get(schema) ?? declaredFieldCosts(schema);
    fromSchema.set(schema, costs);
    return costs;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          if (!operation) {
            throw new BadUserInputError(
              'operationName',
              request.operationName
                ? `The query has no operation named "${request.operationName}".`
                : 'The query holds several operations: name the one to run in operationName.',
            );
          }
          // graphql-js validates no root type that the schema lacks (the API has no subscriptions).
          if (!schema.getRootType(operation.operation)) {
            throw new BadUserInputError('query', `This API has no ${operation.operation} operations.`);
          }
          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, {
            maxErrors: 1,
          });
          if (variables.errors) {
            const [error] = variables.errors;
            // The field is read from graphql-js's message by formatError, as for any variable error.
            throw new GraphQLError(error.message, {
              nodes: error.nodes,
              originalError: error,
              extensions: { code: ErrorCode.BAD_USER_INPUT },
            });
          }
          const complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [declaredCostEstimator(costsOf(schema))],
          });
          if (complexity > MAX_COMPLEXITY) {
            throw new BadUserInputError(
              'query',
              `This query is too expensive (${complexity} > ${MAX_COMPLEXITY}): ask for fewer fields, images or items.`,
            );
          }
        },
      };
    },
  };
}
