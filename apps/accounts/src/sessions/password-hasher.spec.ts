import { DEFAULT_PASSWORD_HASH_COST, PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  it('hashes at the production strength by default: scrypt N=2^15, r=8, p=3', async () => {
    expect(DEFAULT_PASSWORD_HASH_COST).toBe(15);
    const stored = await new PasswordHasher().hash('correct horse battery');
    expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 15), '8', '3']);
  });

  it('verifies a hash made at another cost, since the parameters travel with it', async () => {
    const stored = await new PasswordHasher(10).hash('correct horse battery');
    expect(stored.split('$')[1]).toBe(String(2 ** 10));
    const strong = new PasswordHasher();
    await expect(strong.verify('correct horse battery', stored)).resolves.toBe(true);
    await expect(strong.verify('wrong horse battery', stored)).resolves.toBe(false);
  });
});
