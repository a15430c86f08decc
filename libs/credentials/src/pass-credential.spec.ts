import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import {
  keysFromJwks,
  MAX_CREDENTIAL_LENGTH,
  readCredential,
  signPassCredential,
  verifyPassCredential,
} from './pass-credential';

function keyPair(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid, privateKey, publicKey };
}

describe('pass credentials', () => {
  const current = keyPair('k1');
  const other = keyPair('k2');
  const keys = new Map<string, KeyObject>([[current.kid, current.publicKey]]);
  const keyFor = (kid: string) => keys.get(kid);
  const now = new Date('2026-10-14T07:12:00Z');
  const claims = { passId: 'pass-1', networkId: 'net-1', printed: false, expiresAt: new Date(now.getTime() + 60_000) };
  const token = signPassCredential(current, claims, now);

  it('accepts a genuine code until its expiry plus 30 s of leeway, judged at the scan time', () => {
    expect(verifyPassCredential(token, keyFor, now)).toEqual({
      ok: true,
      claims: { ...claims, expiresAt: claims.expiresAt },
    });
    expect(verifyPassCredential(token, keyFor, new Date(now.getTime() + 89_000)).ok).toBe(true);
    expect(verifyPassCredential(token, keyFor, new Date(now.getTime() + 91_000))).toEqual({
      ok: false,
      reason: 'EXPIRED_CREDENTIAL',
    });
  });

  it.each([
    ['forged signature', token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA')],
    ['truncated', token.slice(0, token.length - 20)],
    ['signed by an unknown key', signPassCredential(other, claims, now)],
    [
      'signed by another key under a known kid',
      signPassCredential({ kid: 'k1', privateKey: other.privateKey }, claims, now),
    ],
    [
      'alg none',
      `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'pass+jwt', kid: 'k1' })).toString('base64url')}.${token.split('.')[1]}.`,
    ],
    [
      'HS256 signed with the public key',
      sign(
        { sub: 'pass-1', nid: 'net-1', aud: 'passerelle/check-in' },
        current.publicKey.export({ format: 'pem', type: 'spki' }),
        {
          algorithm: 'HS256',
          header: { alg: 'HS256', typ: 'pass+jwt', kid: 'k1' } as never,
        },
      ),
    ],
    [
      'a jku header',
      sign({ sub: 'p', nid: 'n', aud: 'passerelle/check-in' }, current.privateKey, {
        algorithm: 'ES256',
        header: { alg: 'ES256', typ: 'pass+jwt', kid: 'k1', jku: 'https://evil.example/jwks' } as never,
      }),
    ],
    [
      'another token type',
      sign({ sub: 'p', nid: 'n', aud: 'passerelle/check-in' }, current.privateKey, {
        algorithm: 'ES256',
        header: { alg: 'ES256', typ: 'at+jwt', kid: 'k1' },
      }),
    ],
    [
      'another audience',
      sign({ sub: 'p', nid: 'n', aud: 'passerelle' }, current.privateKey, {
        algorithm: 'ES256',
        header: { alg: 'ES256', typ: 'pass+jwt', kid: 'k1' },
      }),
    ],
    ['oversized', `${token}${'A'.repeat(5000)}`],
    ['garbage', 'not.a.token'],
    ['empty', ''],
  ])('refuses as INVALID_CREDENTIAL: %s', (_name, bad) => {
    expect(verifyPassCredential(bad, keyFor, now)).toEqual({ ok: false, reason: 'INVALID_CREDENTIAL' });
  });

  it('reads the kid of a token of ours, and other text as text, before any key', () => {
    expect(readCredential(` ${token}\n`)).toEqual({ token: { token, kid: 'k1' } });
    expect(readCredential(' x93w-gdhg ')).toEqual({ text: 'x93w-gdhg' });
    expect(readCredential('not.a.token')).toBeNull();
    expect(
      readCredential(signPassCredential({ kid: 'k'.repeat(129), privateKey: current.privateKey }, claims, now)),
    ).toBeNull();
  });

  it('refuses anything past the one length limit before reading it, a serial as much as a token', () => {
    const padded = (text: string) => text.padEnd(MAX_CREDENTIAL_LENGTH + 1, ' ');
    expect(readCredential(padded('X93W-GDHG'))).toBeNull();
    expect(readCredential(padded(token))).toBeNull();
    expect(readCredential('X93W-GDHG'.padEnd(MAX_CREDENTIAL_LENGTH, ' '))).toEqual({ text: 'X93W-GDHG' });
  });

  it('verifies offline from a published JWKS', () => {
    const jwk = { ...current.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'ES256', use: 'sig' };
    const fromJwks = keysFromJwks({ keys: [jwk] });
    expect(verifyPassCredential(token, fromJwks, now).ok).toBe(true);
    // The private half never appears in a JWK built from the public key.
    expect(JSON.stringify(jwk)).not.toContain('"d"');
    expect(createPublicKey(createPrivateKey(current.privateKey.export({ format: 'pem', type: 'pkcs8' }))).type).toBe(
      'public',
    );
  });
});
