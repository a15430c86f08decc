import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';

export const INTERNAL_API_KEY = Symbol('INTERNAL_API_KEY');
export const INTERNAL_API_KEY_HEADER = 'x-passerelle-internal-key';

/**
 * Guards the subgraph-to-subgraph HTTP endpoints (under /internal): they are never routed by the
 * gateway, and must also carry the deployment's shared internal key.
 */
@Injectable()
export class InternalApiGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(INTERNAL_API_KEY) key: string) {
    this.expected = Buffer.from(key);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
    const given = Buffer.from(request.headers[INTERNAL_API_KEY_HEADER] ?? '');
    if (given.length !== this.expected.length || !timingSafeEqual(given, this.expected)) {
      throw new ForbiddenException('This endpoint is for Passerelle services only.');
    }
    return true;
  }
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
