import type { IncomingHttpHeaders } from 'node:http';
import { AccessTokens } from './access-tokens';
import { ANONYMOUS, Caller, RequestContext } from './caller';

export const CLIENT_ADDRESS_HEADER = 'x-passerelle-client-address';

export interface HttpRequestLike {
  headers: IncomingHttpHeaders;
  ip?: string;
}

export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const value = headers.authorization;
  if (!value) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return match ? match[1] : undefined;
}

export interface ContextOptions {
  accessTokens: AccessTokens;
  /** Resolves a token that is not a JWT (a scanner's device token); only the network subgraph knows them. */
  resolveOpaqueToken?: (token: string) => Promise<Caller | null>;
  /** Whether the address header set by the gateway is believed; true when only the gateway can reach us. */
  trustForwardedAddress?: boolean;
}

/** Builds each request's context: who calls, from where. A bad token makes an anonymous caller. */
export function createContextFactory(options: ContextOptions) {
  return async (req: HttpRequestLike): Promise<RequestContext> => {
    const forwarded = req.headers[CLIENT_ADDRESS_HEADER];
    const clientAddress =
      options.trustForwardedAddress !== false && typeof forwarded === 'string' && forwarded
        ? forwarded
        : (req.ip ?? 'unknown');
    const token = bearerToken(req.headers);
    if (!token) return { caller: ANONYMOUS, clientAddress };
    if (token.split('.').length === 3) {
      const userId = options.accessTokens.verify(token);
      return { caller: userId ? { kind: 'user', userId } : { kind: 'anonymous', invalidToken: true }, clientAddress };
    }
    const resolved = options.resolveOpaqueToken ? await options.resolveOpaqueToken(token) : null;
    return { caller: resolved ?? { kind: 'anonymous', invalidToken: true }, clientAddress };
  };
}
