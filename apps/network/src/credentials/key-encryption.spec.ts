import { KeyEncryption } from './key-encryption';

describe('QR signing keys at rest', () => {
  const pem = '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n';

  it('seals with the configured secret and opens only with it', () => {
    const sealed = new KeyEncryption('a long configured secret').seal(pem);
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(new KeyEncryption('a long configured secret').open(sealed)).toBe(pem);
    expect(() => new KeyEncryption('another secret').open(sealed)).toThrow(/QR_KEY_ENCRYPTION_SECRET/);
  });

  it('never stores a key unsealed, and refuses to work without a secret', () => {
    expect(KeyEncryption.isPlain(new KeyEncryption('a long configured secret').seal(pem))).toBe(false);
    expect(() => new KeyEncryption(undefined as unknown as string)).toThrow(/QR_KEY_ENCRYPTION_SECRET/);
  });

  it('still reads a key an earlier version stored unsealed', () => {
    expect(new KeyEncryption('secret added later').open(`plain:${pem}`)).toBe(pem);
  });
});
