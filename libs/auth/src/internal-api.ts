import { INTERNAL_API_KEY_HEADER, type InternalEndpoint } from '@passerelle/contracts';
import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const INTERNAL_API_KEY = Symbol('INTERNAL_API_KEY');

/**
 * Guards the subgraph-to-subgraph HTTP endpoints (under /internal): they are never routed by the
 * gateway, and must also carry the deployment's shared internal key.
 */
@Injectable()
export class InternalApiGuard implements CanActivate {
  constructor(@Inject(INTERNAL_API_KEY) private readonly key: string) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: IncomingHttpHeaders }>();
    if (!carriesInternalKey(request.headers, this.key)) {
      throw new ForbiddenException('This endpoint is for Passerelle services only.');
    }
    return true;
  }
}

/** Whether a request was sent by another Passerelle service: it carries the shared internal key. */
export function carriesInternalKey(headers: IncomingHttpHeaders, key: string): boolean {
  const given = Buffer.from(String(headers[INTERNAL_API_KEY_HEADER] ?? ''));
  const expected = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Calls another subgraph's internal endpoint with the shared key (a POST with a body, a GET without);
 * throws with its message on failure.
 */
export async function callInternal<T>(baseUrl: string, path: string, key: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, baseUrl), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_API_KEY_HEADER]: key },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Calls an internal endpoint by its contract: the request and the answer are the contract's types. */
export function callEndpoint<Request, Response>(
  baseUrl: string,
  endpoint: InternalEndpoint<Request, Response>,
  key: string,
  request: Request,
): Promise<Response> {
  return callInternal<Response>(baseUrl, endpoint.path, key, request);
}
