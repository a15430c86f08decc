import type { IncomingHttpHeaders } from 'node:http';
import { CLIENT_ADDRESS_HEADER } from '@passerelle/contracts';
import { AccessClaims, AccessTokens } from './access-tokens';
import { ANONYMOUS, Caller, RequestContext } from './caller';
import { carriesInternalKey } from './internal-api';

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
  /**
   * Judges a well-signed token against what this subgraph knows of its user, without calling accounts:
   * null when a password reset made it stale, else whether the user's address is verified by now.
   * Without it the token's own claims are believed.
   */
  checkUser?: (claims: AccessClaims) => Promise<{ emailVerified: boolean } | null>;
}

/** Builds each request's context: who calls, from where. A bad token makes an anonymous caller. */
export function createContextFactory(options: ContextOptions) {
  return async (req: HttpRequestLike): Promise<RequestContext> => {
    const forwarded = req.headers[CLIENT_ADDRESS_HEADER];
    const fromGateway = options.internalApiKey !== undefined && carriesInternalKey(req.headers, options.internalApiKey);
    const clientAddress = fromGateway && typeof forwarded === 'string' && forwarded ? forwarded : (req.ip ?? 'unknown');
    const language = req.headers['accept-language'];
    const acceptLanguage = typeof language === 'string' ? language : undefined;
    return { caller: await callerOf(req, options), clientAddress, acceptLanguage };
  };
}

/** Who the bearer token stands for: a person (as this subgraph judges the token), a device, or nobody. */
async function callerOf(req: HttpRequestLike, options: ContextOptions): Promise<Caller> {
  const token = bearerToken(req.headers);
  if (!token) return ANONYMOUS;
  if (token.split('.').length === 3) {
    const claims = options.accessTokens.verify(token);
    const checked = claims && (options.checkUser ? await options.checkUser(claims) : claims);
    return claims && checked
      ? { kind: 'user', userId: claims.userId, emailVerified: checked.emailVerified }
      : { kind: 'anonymous', invalidToken: true };
  }
  const resolved = options.resolveOpaqueToken ? await options.resolveOpaqueToken(token) : null;
  return resolved ?? { kind: 'anonymous', invalidToken: true };
}
