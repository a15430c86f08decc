import { generateEs256KeyPair, SigningKeyPair } from '@passerelle/auth';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
