import { createHash, generateKeyPairSync, KeyObject } from 'node:crypto';
import { createOfflineVerifier } from './offline-verifier';
import { ROTATING_CREDENTIAL_SECONDS, signPassCredential } from './pass-credential';

/** RFC 7638 thumbprint, as libs/auth's `keyId` computes it, so the kids look like the real ones. */
function thumbprint(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  return createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }))
    .digest('base64url');
}

function networkKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid: thumbprint(publicKey), privateKey, publicKey };
}

describe('createOfflineVerifier', () => {
  const published = networkKey();
  const unpublished = networkKey();
  // What a scanner downloaded: public halves only, as the gateway serves them.
  const jwks = {
    keys: [{ ...published.publicKey.export({ format: 'jwk' }), kid: published.kid, alg: 'ES256', use: 'sig' }],
  };
  const verify = createOfflineVerifier(jwks);
  const now = new Date('2026-10-14T07:12:00Z');
  const expiresAt = new Date(now.getTime() + ROTATING_CREDENTIAL_SECONDS * 1000);
  const claims = { passId: 'pass-1', networkId: 'net-1', printed: false, expiresAt };
  const token = signPassCredential(published, claims, now);

  it('accepts a fresh code and names its pass and network', () => {
    const check = verify(token, now);
    expect(check).toEqual({ ok: true, claims });
  });

  it('refuses a code signed by a key that is not in the set', () => {
    expect(verify(signPassCredential(unpublished, claims, now), now)).toEqual({
      ok: false,
      reason: 'INVALID_CREDENTIAL',
    });
  });

  it('reports a rotating code scanned two minutes after its expiry as expired', () => {
    expect(verify(token, new Date(expiresAt.getTime() + 120_000))).toEqual({
      ok: false,
      reason: 'EXPIRED_CREDENTIAL',
    });
  });

  it('refuses a code whose payload was altered', () => {
    const [header, payload, signature] = token.split('.');
    const altered = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'pass-2' };
    const forged = [header, Buffer.from(JSON.stringify(altered)).toString('base64url'), signature].join('.');
    expect(verify(forged, now)).toEqual({ ok: false, reason: 'INVALID_CREDENTIAL' });
  });
});
