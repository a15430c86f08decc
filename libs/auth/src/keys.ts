import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';

export interface SigningKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/** A fresh P-256 key pair for ES256, as PEM. */
export function generateEs256KeyPair(): SigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** RFC 7638 JWK thumbprint: a `kid` that anyone holding the public key can recompute. */
export function keyId(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

export interface ParsedKeys {
  kid: string;
  publicKey: KeyObject;
  privateKey?: KeyObject;
}

/**
 * Parses PEM keys once. jsonwebtoken re-parses a PEM string on every call (several times slower
 * than signing itself), so the apps only ever hand it KeyObjects.
 */
export function parseKeys(publicKeyPem: string, privateKeyPem?: string): ParsedKeys {
  const publicKey = createPublicKey(publicKeyPem);
  const privateKey = privateKeyPem ? createPrivateKey(privateKeyPem) : undefined;
  if (privateKey && keyId(createPublicKey(privateKey)) !== keyId(publicKey)) {
    throw new Error('ACCESS_TOKEN_PRIVATE_KEY and ACCESS_TOKEN_PUBLIC_KEY are not a pair.');
  }
  return { kid: keyId(publicKey), publicKey, privateKey };
}
