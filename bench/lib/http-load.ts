import autocannon from 'autocannon';
import type { Histogram } from 'hdr-histogram-js';
import { newHistogram, recordMs } from './stats';

export interface HttpRequestSpec {
  body: string;
  headers: Record<string, string>;
}

export interface HttpLoadOptions {
  url: string;
  concurrency: number;
  durationSeconds: number;
  /** A new request for every call (distinct body), or one fixed request. */
  next: (() => HttpRequestSpec) | HttpRequestSpec;
  /** What a response means: 'accepted' for the expected result, anything else is counted by name. */
  classify: (status: number, body: string) => string;
}

export interface HttpLoadRun {
  concurrency: number;
  durationSeconds: number;
  completed: number;
  /** Completed responses per second (all outcomes). */
  rate: number;
  latency: Histogram;
  outcomes: Record<string, number>;
  transportErrors: number;
  timeouts: number;
}

/**
 * One autocannon run in this process (the server under test runs in another). Latencies come from
 * autocannon's own timing of each response; outcomes from reading every response body.
 */
export function httpLoad(options: HttpLoadOptions): Promise<HttpLoadRun> {
  const latency = newHistogram();
  const outcomes: Record<string, number> = {};
  const base = { 'content-type': 'application/json' };
  const onResponse = (status: number, body: string) => {
    const outcome = options.classify(status, body);
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  };
  const next = options.next;
  const request: autocannon.Request =
    typeof next === 'function'
      ? {
          method: 'POST',
          setupRequest: (req) => {
            const spec = next();
            return { ...req, body: spec.body, headers: { ...base, ...spec.headers } };
          },
          onResponse,
        }
      : { method: 'POST', body: next.body, headers: { ...base, ...next.headers }, onResponse };

  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.concurrency,
        duration: options.durationSeconds,
        timeout: 30,
        requests: [request],
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const completed = Object.values(outcomes).reduce((sum, count) => sum + count, 0);
        resolve({
          concurrency: options.concurrency,
          durationSeconds: options.durationSeconds,
          completed,
          rate: completed / options.durationSeconds,
          latency,
          outcomes,
          transportErrors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    // The typings leave out the client that autocannon passes first.
    (instance as unknown as NodeJS.EventEmitter).on(
      'response',
      (_client: unknown, _status: number, _bytes: number, responseTimeMs: number) => recordMs(latency, responseTimeMs),
    );
  });
}

/** Classifies a GraphQL response by the first `status`/`reason` found, or its first error's code. */
export function classifyGraphQL(status: number, body: string): string {
  if (status !== 200) return `HTTP ${status}`;
  if (body.includes('"errors"')) {
    const code = /"code":"([A-Z_]+)"/.exec(body);
    return `error ${code ? code[1] : body.slice(0, 80)}`;
  }
  if (body.includes('"status":"ACCEPTED"')) return body.includes('"repeat":true') ? 'repeat' : 'accepted';
  const reason = /"reason":"([A-Z_]+)"/.exec(body);
  return reason ? `rejected ${reason[1]}` : `unexpected ${body.slice(0, 80)}`;
}
