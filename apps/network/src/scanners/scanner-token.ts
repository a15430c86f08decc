import { createHash, randomBytes } from 'node:crypto';

/** Scanner tokens are recognisable (for secret scanners and for our own context) and carry 256 random bits. */
export const SCANNER_TOKEN_PREFIX = 'psc_';

export function newScannerToken(): string {
  return SCANNER_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** A fast hash is enough: the token is random, not a password, so there is nothing to brute-force. */
export function hashScannerToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
