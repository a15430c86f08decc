import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { STATUS_CODES } from 'node:http';
import { Agent, Dispatcher, request } from 'undici';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * How the gateway calls its subgraphs: undici's own client over kept-alive connections. The gateway's
 * default fetcher (make-fetch-happen) is made for npm's registry traffic, with caching and proxy
 * support it does not use here, and was a tenth of the server's time per check-in; undici's request
 * API is the lightest HTTP client Node has.
 */
export function subgraphFetcher(): Fetcher {
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  return async (url, init = {}) => {
    const response = await request(url, {
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: init.headers,
      body: init.body,
      signal: init.signal,
      dispatcher: agent,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    return answer(url, response.statusCode, headers, await response.body.text());
  };
}

/** The parts of a fetch Response the gateway reads, over a body already read in full. */
function answer(url: string, status: number, headers: Headers, text: string): FetcherResponse {
  return {
    url,
    status,
    ok: (status >= 200 && status < 300) || (status === 400 && isExecutionResult(text)),
    // The gateway names it in its error for a failed subgraph call ("401: Unauthorized").
    statusText: STATUS_CODES[status] ?? '',
    redirected: false,
    bodyUsed: true,
    headers,
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
    arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
    clone: () => answer(url, status, headers, text),
  };
}

/**
 * A subgraph answers 400 to a refusal reached while running (a resolver refusing the input), with a
 * GraphQL result all the same: the gateway merges its `data` and errors, with their paths, like any
 * other answer. Only a request the subgraph refused before running (no `data`) is a failed call.
 */
function isExecutionResult(text: string): boolean {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null && 'data' in body;
  } catch {
    return false;
  }
}
