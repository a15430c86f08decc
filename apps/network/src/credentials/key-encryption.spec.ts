import { KeyEncryption } from './key-encryption';

describe('QR signing keys at rest', () => {
  const pem = '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n';

  it('seals with the configured secret and opens only with it', () => {
    const sealed = new KeyEncryption('a long configured secret').seal(pem);
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(new KeyEncryption('a long configured secret').open(sealed)).toBe(pem);
    expect(() => new KeyEncryption('another secret').open(sealed)).toThrow();
    expect(() => new KeyEncryption(undefined).open(sealed)).toThrow(/QR_KEY_ENCRYPTION_SECRET/);
  });

  it('keeps keys readable when no secret is configured', () => {
    const stored = new KeyEncryption(undefined).seal(pem);
    expect(new KeyEncryption(undefined).open(stored)).toBe(pem);
    expect(new KeyEncryption('secret added later').open(stored)).toBe(pem);
  });
});
