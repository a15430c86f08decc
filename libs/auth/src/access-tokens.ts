import { decode, JwtPayload, sign, verify } from 'jsonwebtoken';
import { ParsedKeys } from './keys';

export const ACCESS_TOKEN_TYPE = 'at+jwt';
export const ACCESS_TOKEN_ISSUER = 'passerelle/accounts';
export const ACCESS_TOKEN_AUDIENCE = 'passerelle';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

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

  sign(userId: string, now = new Date()): IssuedAccessToken {
    if (!this.keys.privateKey) throw new Error('This app holds no access-token private key.');
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + ACCESS_TOKEN_TTL_SECONDS;
    const token = sign({ iat, exp }, this.keys.privateKey, {
      algorithm: 'ES256',
      keyid: this.keys.kid,
      header: { alg: 'ES256', typ: ACCESS_TOKEN_TYPE, kid: this.keys.kid },
      subject: userId,
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
    });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The user id the token was issued to, or null when it is not a valid, current access token. */
  verify(token: string): string | null {
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
      return typeof payload.sub === 'string' ? payload.sub : null;
    } catch {
      return null;
    }
  }
}
