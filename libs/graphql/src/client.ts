/** A minimal GraphQL-over-HTTP client for our own tools (demo seed, command line, benchmarks, tests). */
export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

/** Real HTTP, the way a client application calls the API. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  return (await sendGraphQL<T>(url, { query, variables }, { token, headers })).body;
}

export interface GraphQLHttpResponse<T> {
  status: number;
  body: GraphQLResponse<T>;
}

/**
 * Any request body as it is (missing variables, several operations, a persisted-query hash), with the
 * HTTP status of the answer: what a client's mistakes get back.
 */
export async function sendGraphQL<T = Record<string, unknown>>(
  url: string,
  body: Record<string, unknown>,
  { token, headers = {} }: { token?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLHttpResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
}

/** The data of a call that must succeed; its errors otherwise, in the test's failure message. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
  }
  return response.data;
}

/** The first error's code (and field), for asserting refusals. */
export function errorOf(response: GraphQLResponse<unknown>): { code?: string; field?: string; message: string } {
  const error = response.errors?.[0];
  if (!error) throw new Error(`Expected an error, got data: ${JSON.stringify(response.data)}`);
  return {
    code: error.extensions?.code as string | undefined,
    field: error.extensions?.field as string | undefined,
    message: error.message,
  };
}
