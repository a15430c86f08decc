import { AnyVariables, Client, CombinedError, fetchExchange, TypedDocumentNode } from '@urql/core';

/** A refusal of the API, with the input field it names (BAD_USER_INPUT), or a lost connection. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly field: string | undefined,
    readonly offline: boolean,
  ) {
    super(message);
  }

  static from(error: CombinedError): ApiError {
    const first = error.graphQLErrors[0];
    if (!first) return new ApiError(error.networkError?.message ?? error.message, undefined, undefined, true);
    const extensions = first.extensions as { code?: string; field?: string };
    return new ApiError(first.message, extensions.code, extensions.field, false);
  }
}

export interface Api {
  run<Data, Variables extends AnyVariables>(
    document: TypedDocumentNode<Data, Variables>,
    variables: Variables,
  ): Promise<Data>;
  /** The server's clock minus ours, in ms, from the Date header of the last answer (null before one). */
  clockOffsetMs(): number | null;
}

/**
 * The one way the pages talk to the API: POST /graphql on this origin (GET would need Apollo's CSRF
 * header), no cache (every screen shows what the server says now), the caller's token when there is
 * one. Queries and mutations both resolve to their data or throw an ApiError.
 */
export function createApi(token: () => Promise<string | undefined> | string | undefined): Api {
  let offset: number | null = null;
  const client = new Client({
    url: '/graphql',
    exchanges: [fetchExchange],
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      const bearer = await token();
      if (bearer) headers.set('authorization', `Bearer ${bearer}`);
      const sentAt = Date.now();
      const response = await fetch(input, { ...init, headers });
      const date = response.headers.get('date');
      // The Date header has one-second resolution: good enough to see a desk minutes off.
      if (date) offset = Date.parse(date) - (sentAt + Date.now()) / 2;
      return response;
    },
  });
  return {
    async run<Data, Variables extends AnyVariables>(
      document: TypedDocumentNode<Data, Variables>,
      variables: Variables,
    ): Promise<Data> {
      const mutation = document.definitions.some(
        (definition) => definition.kind === 'OperationDefinition' && definition.operation === 'mutation',
      );
      const operation = mutation ? client.mutation(document, variables) : client.query(document, variables);
      const result = await operation.toPromise();
      if (result.error) throw ApiError.from(result.error);
      return result.data!;
    },
    clockOffsetMs: () => offset,
  };
}
