import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** How versions before sealing was required stored a key: still read, and re-sealed at start. */
const PLAIN_PREFIX = 'plain:';

/**
 * Networks' QR signing keys at rest: always AES-256-GCM under a key derived from the QR key
 * encryption secret, so a database dump holds no usable private key.
 */
export class KeyEncryption {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (!secret) throw new Error('QR signing keys need a key encryption secret (QR_KEY_ENCRYPTION_SECRET).');
    this.key = Buffer.from(hkdfSync('sha256', secret, 'passerelle', 'qr-signing-keys', 32));
  }

  seal(privateKeyPem: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(privateKeyPem, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), sealed]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join(':');
  }

  open(stored: string): string {
    if (KeyEncryption.isPlain(stored)) return stored.slice(PLAIN_PREFIX.length);
    const [version, iv, tag, sealed] = stored.split(':');
    if (version !== 'v1') throw new Error(`Unknown QR signing key format "${version}".`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new Error(
        'This QR signing key was sealed with another secret: set QR_KEY_ENCRYPTION_SECRET to the one it was sealed with.',
      );
    }
  }

  /** A key stored unsealed by an earlier version. */
  static isPlain(stored: string): boolean {
    return stored.startsWith(PLAIN_PREFIX);
  }
}
