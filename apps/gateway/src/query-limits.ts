import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { BadUserInputError } from '@passerelle/graphql';
import { GraphQLError, ValidationContext } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export const MAX_DEPTH = 12;
export const MAX_ALIASES = 30;
export const MAX_COMPLEXITY = 5000;

/** A list field costs its children times the page size asked for (`first`, default 50). */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  if (typeof args.first === 'number') return 1 + childComplexity * Math.max(args.first, 1);
  return undefined;
};

// The rules report a validation error (BAD_USER_INPUT naming the query) instead of throwing, which
// Apollo would turn into an internal error.
const reject = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new BadUserInputError('query', error.message.replace(/^Syntax Error: /, ''))),
  ],
};

export const queryLimitRules = [
  maxDepthRule({ n: MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true, ...reject }),
  maxAliasesRule({ n: MAX_ALIASES, ...reject }),
];

/** Refuses operations whose estimated cost is above MAX_COMPLEXITY, before any subgraph is called. */
export function complexityLimitPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > MAX_COMPLEXITY) {
            throw new BadUserInputError(
              'query',
              `This query is too expensive (${complexity} > ${MAX_COMPLEXITY}): ask for less.`,
            );
          }
        },
      };
    },
  };
}
