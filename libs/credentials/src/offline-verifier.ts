import { CredentialCheck, keysFromJwks, verifyPassCredential } from './pass-credential';

/** The body of /.well-known/jwks.json: `{ keys: [{ kty: 'EC', crv: 'P-256', x, y, kid, ... }] }`. */
export type PassCredentialJwks = Parameters<typeof keysFromJwks>[0];

/**
 * A front desk that has lost its connection still checks codes: with the last key set it downloaded
 * from /.well-known/jwks.json, and the same check the check-in runs. The keys are parsed once, here,
 * not on every scan. Retired keys stay in the published set while codes signed with them can be
 * valid, so an old download keeps verifying; only keys created since are missing until a refresh.
 */
export function createOfflineVerifier(jwks: PassCredentialJwks): (token: string, at?: Date) => CredentialCheck {
  const keyFor = keysFromJwks(jwks);
  return (token, at = new Date()) => verifyPassCredential(token, keyFor, at);
}
