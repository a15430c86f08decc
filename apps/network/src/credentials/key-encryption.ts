import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Networks' QR signing keys at rest: AES-256-GCM under a key derived from QR_KEY_ENCRYPTION_SECRET when
 * one is configured (a database dump then holds no usable private key); kept as plain PEM otherwise.
 */
export class KeyEncryption {
  private readonly key: Buffer | null;

  constructor(secret: string | undefined) {
    this.key = secret ? Buffer.from(hkdfSync('sha256', secret, 'passerelle', 'qr-signing-keys', 32)) : null;
  }

  seal(privateKeyPem: string): string {
    if (!this.key) return `plain:${privateKeyPem}`;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(privateKeyPem, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), sealed]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join(':');
  }

  open(stored: string): string {
    if (stored.startsWith('plain:')) return stored.slice('plain:'.length);
    const [version, iv, tag, sealed] = stored.split(':');
    if (version !== 'v1' || !this.key) {
      throw new Error(
        'This QR signing key is encrypted: set QR_KEY_ENCRYPTION_SECRET to the secret it was sealed with.',
      );
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
  }
}
