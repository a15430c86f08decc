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
/**
 * The one length limit of a credential. A token we sign is about 300 characters and a serial 8 to
 * 11, so anything past 2,048 is refused before it is parsed or trimmed. It is a rejection, not an
 * input error: a desk may send any string (up to the request size limit) and gets INVALID_CREDENTIAL.
 */
export const MAX_CREDENTIAL_LENGTH = 2048;
/** A `kid` is a key thumbprint (43 characters); a longer one names no key of ours. */
const MAX_KID_LENGTH = 128;

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

/** A token whose header is one of ours: its `kid` says which key may have signed it. */
export interface PassCredentialToken {
  token: string;
  kid: string;
}

/** Whether a string has the shape of a compact JWS (otherwise it may be a pass serial typed by hand). */
export function looksLikeCredential(value: string): boolean {
  return value.split('.').length === 3;
}

/**
 * What a desk sent, read without any key, its header decoded once, here: a token of ours to verify
 * with the key its `kid` names, or other text (perhaps a serial typed by hand). Null when it can be
 * neither: longer than MAX_CREDENTIAL_LENGTH, or a token that is malformed, not ES256 of our type,
 * or that names its key by URL or inline (`jku`, `x5u`, `jwk`, `x5c`, `crit`).
 */
export function readCredential(sent: string): { token: PassCredentialToken } | { text: string } | null {
  if (sent.length > MAX_CREDENTIAL_LENGTH) return null;
  const text = sent.trim();
  if (!looksLikeCredential(text)) return { text };
  let decoded: ReturnType<typeof decode>;
  try {
    decoded = decode(text, { complete: true });
  } catch {
    return null;
  }
  if (!decoded || typeof decoded.payload === 'string') return null;
  const header = decoded.header as unknown as Record<string, unknown>;
  if (header.alg !== 'ES256' || header.typ !== PASS_CREDENTIAL_TYPE) return null;
  if (typeof header.kid !== 'string' || header.kid.length > MAX_KID_LENGTH) return null;
  if (['jku', 'x5u', 'jwk', 'x5c', 'crit'].some((name) => name in header)) return null;
  return { token: { token: text, kid: header.kid } };
}

/**
 * Checks a token read by readCredential against the key its `kid` names (undefined: no such key), as
 * of `at` (the scan's time). A genuine but expired one is EXPIRED_CREDENTIAL; anything else that is
 * not a valid token of ours, from that key, is INVALID_CREDENTIAL. Never throws.
 */
export function verifyPassCredentialToken(
  { token }: PassCredentialToken,
  key: KeyObject | undefined,
  at: Date,
): CredentialCheck {
  const invalid: CredentialCheck = { ok: false, reason: 'INVALID_CREDENTIAL' };
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

/**
 * A credential checked against the public keys that may have signed it, as of `at`, read exactly as
 * the check-in reads it. Everything but a well-formed ES256 token of our type, from a known key, is
 * INVALID_CREDENTIAL — `alg: none`, HS256 "signed" with a public key, unknown `kid`, `jku`/`x5u`/`jwk`
 * headers, other audiences, oversized input; a genuine but expired one is EXPIRED_CREDENTIAL.
 */
export function verifyPassCredential(
  sent: string,
  keyFor: (kid: string) => KeyObject | undefined,
  at: Date,
): CredentialCheck {
  const read = readCredential(sent);
  if (!read || !('token' in read)) return { ok: false, reason: 'INVALID_CREDENTIAL' };
  return verifyPassCredentialToken(read.token, keyFor(read.token.kid), at);
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
