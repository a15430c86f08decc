import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from './errors';

/**
 * A request refused for the client's own mistake answers HTTP 400, whatever raised it: a bad
 * variable, an unknown operation or persisted query, a query too expensive (Apollo answers some of
 * these 200 or 500), or an input a resolver refused before doing anything. Only when nothing was
 * answered and every error is the client's: a partial answer, or a refusal of another kind
 * (CONFLICT, FORBIDDEN…), stays 200 as GraphQL over HTTP has it.
 */
export function clientErrorStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          // Nothing answered: no data, or every root field null (a nullable field that refused).
          const answered = data != null && Object.values(data).some((value) => value !== null);
          if (answered || !errors?.length) return;
          if (errors.every((error) => error.extensions?.code === ErrorCode.BAD_USER_INPUT)) {
            response.http.status = 400;
          }
        },
      };
    },
  };
}
