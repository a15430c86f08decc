import { generateEs256KeyPair, SigningKeyPair } from '@passerelle/auth';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The access-token key pair for a local run: from the environment when given, else kept in DATA_DIR
 * (created on the first start, readable by this user only) so that tokens survive a restart.
 */
export function localAccessTokenKeys(dataDir: string, fromEnv: Partial<SigningKeyPair>): SigningKeyPair {
  if (fromEnv.privateKeyPem && fromEnv.publicKeyPem) {
    return { privateKeyPem: fromEnv.privateKeyPem, publicKeyPem: fromEnv.publicKeyPem };
  }
  const dir = join(dataDir, 'keys');
  const privatePath = join(dir, 'access-token.key.pem');
  const publicPath = join(dir, 'access-token.pub.pem');
  if (existsSync(privatePath) && existsSync(publicPath)) {
    return { privateKeyPem: readFileSync(privatePath, 'utf8'), publicKeyPem: readFileSync(publicPath, 'utf8') };
  }
  const pair = generateEs256KeyPair();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(privatePath, pair.privateKeyPem, { mode: 0o600 });
  writeFileSync(publicPath, pair.publicKeyPem, { mode: 0o644 });
  return pair;
}

/**
 * The secret that seals the networks' QR signing keys, for a local run: from the environment when
 * given, else kept in DATA_DIR (created on the first start, readable by this user only). Production
 * never comes here: it must be given one (see loadConfig).
 */
export function localQrKeyEncryptionSecret(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const dir = join(dataDir, 'keys');
  const path = join(dir, 'qr-key-encryption.secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Whole or not at all: a secret cut short would seal keys that no later start could open.
  writeFileSync(`${path}.tmp`, `${secret}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
  return secret;
}
