import { createLocalJWKSet, errors, JSONWebKeySet, jwtVerify } from 'jose';

/**
 * The network keys a desk checks codes with when the connection is gone: the last /.well-known/jwks.json
 * it downloaded, with when. Retired keys stay in that set while codes they signed can be valid.
 */
export interface CachedKeys {
  jwks: JSONWebKeySet;
  fetchedAt: string;
}

const KEY = 'passerelle.desk.jwks';

export function cachedKeys(): CachedKeys | undefined {
  const raw = localStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as CachedKeys) : undefined;
}

export async function refreshKeys(): Promise<CachedKeys | undefined> {
  try {
    const response = await fetch('/.well-known/jwks.json', { cache: 'no-store' });
    if (!response.ok) return cachedKeys();
    const keys = { jwks: (await response.json()) as JSONWebKeySet, fetchedAt: new Date().toISOString() };
    localStorage.setItem(KEY, JSON.stringify(keys));
    return keys;
  } catch {
    return cachedKeys();
  }
}

/** A compact JWS has three dot-separated parts; anything else is a serial typed by hand. */
export function looksLikeCredential(value: string): boolean {
  return value.split('.').length === 3;
}

export type OfflineCheck = { ok: true } | { ok: false; why: 'forged' | 'expired' | 'otherNetwork' };

/** Leeway the check-in itself gives a rotating code past its expiry (libs/credentials). */
const LEEWAY_SECONDS = 30;

/**
 * The check-in's own rules that a desk can apply alone: an ES256 `pass+jwt` for check-in, signed by
 * a key in the cached set, not expired at the scan time, naming a network this space is in.
 */
export async function checkOffline(
  token: string,
  keys: CachedKeys | undefined,
  networkIds: string[],
  at: Date,
): Promise<OfflineCheck> {
  if (!keys || token.length > 2048) return { ok: false, why: 'forged' };
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(keys.jwks), {
      algorithms: ['ES256'],
      typ: 'pass+jwt',
      audience: 'passerelle/check-in',
      currentDate: at,
      clockTolerance: LEEWAY_SECONDS,
    });
    if (typeof payload.sub !== 'string' || typeof payload.nid !== 'string') return { ok: false, why: 'forged' };
    return networkIds.includes(payload.nid) ? { ok: true } : { ok: false, why: 'otherNetwork' };
  } catch (error) {
    return { ok: false, why: error instanceof errors.JWTExpired ? 'expired' : 'forged' };
  }
}
