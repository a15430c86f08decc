import { decode, JwtPayload, sign, verify } from 'jsonwebtoken';
import { ParsedKeys } from './keys';

export const ACCESS_TOKEN_TYPE = 'at+jwt';
export const ACCESS_TOKEN_ISSUER = 'passerelle/accounts';
export const ACCESS_TOKEN_AUDIENCE = 'passerelle';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

// What an access token says about its user beyond who they are: `credentialVersion` grows at each
// password reset (a subgraph that knows a higher version refuses the token, so a token issued before a
// reset buys nothing afterwards); `emailVerified`, whether the account had proved it owns its address
// when the token was issued. It crosses to the registry too, so its one definition is a contract.
import type { AccessClaims } from '@passerelle/contracts';
export type { AccessClaims };

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

/**
 * Short-lived ES256 access tokens. Every subgraph verifies them with the public key alone; only the
 * accounts subgraph holds the private key. Algorithm, `typ`, issuer, audience and `kid` are all
 * pinned, so no other kind of token (a QR credential, an HS256 token signed with the public key,
 * `alg: none`) is ever taken for an access token.
 */
export class AccessTokens {
  constructor(private readonly keys: ParsedKeys) {}

  sign(
    userId: string,
    { credentialVersion = 0, emailVerified = true }: Partial<Omit<AccessClaims, 'userId'>> = {},
    now = new Date(),
  ): IssuedAccessToken {
    if (!this.keys.privateKey) throw new Error('This app holds no access-token private key.');
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + ACCESS_TOKEN_TTL_SECONDS;
    const token = sign({ iat, exp, ver: credentialVersion, ev: emailVerified }, this.keys.privateKey, {
      algorithm: 'ES256',
      keyid: this.keys.kid,
      header: { alg: 'ES256', typ: ACCESS_TOKEN_TYPE, kid: this.keys.kid },
      subject: userId,
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
    });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** What the token says, or null when it is not a valid, unexpired access token. */
  verify(token: string): AccessClaims | null {
    const decoded = decode(token, { complete: true });
    if (!decoded || typeof decoded.payload === 'string') return null;
    const { header } = decoded;
    if (header.alg !== 'ES256' || header.typ !== ACCESS_TOKEN_TYPE || header.kid !== this.keys.kid) return null;
    if ('jku' in header || 'x5u' in header || 'jwk' in header) return null;
    try {
      const payload = verify(token, this.keys.publicKey, {
        algorithms: ['ES256'],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
      }) as JwtPayload;
      if (typeof payload.sub !== 'string') return null;
      // Tokens from before versions and verification existed: every account then counts as verified.
      const version = typeof payload.ver === 'number' && Number.isInteger(payload.ver) ? payload.ver : 0;
      return { userId: payload.sub, credentialVersion: version, emailVerified: payload.ev !== false };
    } catch {
      return null;
    }
  }
}
