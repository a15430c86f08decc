import { createPublicKey, JsonWebKey, KeyObject } from 'node:crypto';
import { decode, JwtPayload, sign, TokenExpiredError, verify } from 'jsonwebtoken';

/**
 * QR credentials: a compact ES256 JWS naming one pass, signed with its network's key. A scanner can
 * check one offline with the network's public keys (JWKS); the check-in applies the same function.
 */
export const PASS_CREDENTIAL_TYPE = 'pass+jwt';
export const PASS_CREDENTIAL_AUDIENCE = 'passerelle/check-in';
/** A rotating code is good for a minute; a scan is judged at its `occurredAt`, with this leeway. */
export const ROTATING_CREDENTIAL_SECONDS = 60;
export const CREDENTIAL_LEEWAY_SECONDS = 30;
/** Longer strings are refused before any parsing: a real credential is about 300 characters. */
export const MAX_CREDENTIAL_LENGTH = 2048;

export interface PassCredentialClaims {
  passId: string;
  networkId: string;
  printed: boolean;
  expiresAt: Date | null;
}

export interface CredentialSigningKey {
  kid: string;
  privateKey: KeyObject;
}

export function signPassCredential(
  key: CredentialSigningKey,
  claims: { passId: string; networkId: string; printed: boolean; expiresAt: Date | null },
  now = new Date(),
): string {
  const iat = Math.floor(now.getTime() / 1000);
  const payload: JwtPayload = { iat, nid: claims.networkId, prt: claims.printed };
  if (claims.expiresAt) payload.exp = Math.floor(claims.expiresAt.getTime() / 1000);
  return sign(payload, key.privateKey, {
    algorithm: 'ES256',
    header: { alg: 'ES256', typ: PASS_CREDENTIAL_TYPE, kid: key.kid },
    subject: claims.passId,
    audience: PASS_CREDENTIAL_AUDIENCE,
  });
}

export type CredentialCheck =
  { ok: true; claims: PassCredentialClaims } | { ok: false; reason: 'INVALID_CREDENTIAL' | 'EXPIRED_CREDENTIAL' };

/** Whether a string has the shape of a compact JWS (otherwise it may be a pass serial typed by hand). */
export function looksLikeCredential(value: string): boolean {
  return value.split('.').length === 3;
}

/**
 * Checks a credential against the public keys that may have signed it, as of `at` (the scan's time).
 * Everything but a well-formed ES256 token of our type, from a known key, is INVALID_CREDENTIAL —
 * `alg: none`, HS256 "signed" with a public key, unknown `kid`, `jku`/`x5u`/`jwk` headers, other
 * audiences, oversized input; a genuine but expired one is EXPIRED_CREDENTIAL. Never throws.
 */
export function verifyPassCredential(
  token: string,
  keyFor: (kid: string) => KeyObject | undefined,
  at: Date,
): CredentialCheck {
  const invalid: CredentialCheck = { ok: false, reason: 'INVALID_CREDENTIAL' };
  if (token.length > MAX_CREDENTIAL_LENGTH || !looksLikeCredential(token)) return invalid;
  let decoded: ReturnType<typeof decode>;
  try {
    decoded = decode(token, { complete: true });
  } catch {
    return invalid;
  }
  if (!decoded || typeof decoded.payload === 'string') return invalid;
  const header = decoded.header as unknown as Record<string, unknown>;
  if (header.alg !== 'ES256' || header.typ !== PASS_CREDENTIAL_TYPE || typeof header.kid !== 'string') return invalid;
  if (['jku', 'x5u', 'jwk', 'x5c', 'crit'].some((name) => name in header)) return invalid;
  const key = keyFor(header.kid);
  if (!key) return invalid;
  try {
    const payload = verify(token, key, {
      algorithms: ['ES256'],
      audience: PASS_CREDENTIAL_AUDIENCE,
      clockTimestamp: Math.floor(at.getTime() / 1000),
      clockTolerance: CREDENTIAL_LEEWAY_SECONDS,
    }) as JwtPayload;
    if (typeof payload.sub !== 'string' || typeof payload.nid !== 'string') return invalid;
    return {
      ok: true,
      claims: {
        passId: payload.sub,
        networkId: payload.nid,
        printed: payload.prt === true,
        expiresAt: typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : null,
      },
    };
  } catch (error) {
    return error instanceof TokenExpiredError ? { ok: false, reason: 'EXPIRED_CREDENTIAL' } : invalid;
  }
}

/** A JSON Web Key Set, as served at /.well-known/jwks.json, turned into a `kid` → key lookup. */
export function keysFromJwks(jwks: {
  keys: Array<JsonWebKey & { kid?: string }>;
}): (kid: string) => KeyObject | undefined {
  const keys = new Map<string, KeyObject>();
  for (const jwk of jwks.keys) {
    if (jwk.kid && jwk.kty === 'EC' && jwk.crv === 'P-256')
      keys.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
  }
  return (kid) => keys.get(kid);
}
