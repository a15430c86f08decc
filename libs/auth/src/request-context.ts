import type { IncomingHttpHeaders } from 'node:http';
import { AccessTokens } from './access-tokens';
import { ANONYMOUS, Caller, RequestContext } from './caller';
import { carriesInternalKey } from './internal-api';

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
  /**
   * The shared internal key: the client address header is believed only from a request that carries
   * it (the gateway's). Without it, or from anyone else, the address is the connection's own.
   */
  internalApiKey?: string;
}

/** Builds each request's context: who calls, from where. A bad token makes an anonymous caller. */
export function createContextFactory(options: ContextOptions) {
  return async (req: HttpRequestLike): Promise<RequestContext> => {
    const forwarded = req.headers[CLIENT_ADDRESS_HEADER];
    const fromGateway = options.internalApiKey !== undefined && carriesInternalKey(req.headers, options.internalApiKey);
    const clientAddress = fromGateway && typeof forwarded === 'string' && forwarded ? forwarded : (req.ip ?? 'unknown');
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
