import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

// Memory-hard scrypt (OWASP: N=2^15, r=8, p=3 is on par with N=2^17, p=1, using 32 MiB instead of 128).
// The parameters are stored with each hash, so they can be raised later without breaking old ones.
export const DEFAULT_PASSWORD_HASH_COST = 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 3;
const KEY_LENGTH = 32;

/** log2 of scrypt's N for new hashes: PASSWORD_HASH_COST, lowered only where speed matters more (tests). */
export const PASSWORD_HASH_COST = Symbol('PASSWORD_HASH_COST');

function derive(
  password: string,
  salt: Buffer,
  params: Required<Pick<ScryptOptions, 'N' | 'r' | 'p'>>,
): Promise<Buffer> {
  const maxmem = 256 * params.N * params.r + 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

@Injectable()
export class PasswordHasher {
  private readonly params: { N: number; r: number; p: number };
  private decoy?: Promise<string>;

  constructor(@Inject(PASSWORD_HASH_COST) cost: number = DEFAULT_PASSWORD_HASH_COST) {
    this.params = { N: 2 ** cost, r: BLOCK_SIZE, p: PARALLELISM };
  }

  /** `scrypt$N$r$p$salt$hash` (base64url). */
  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await derive(password, salt, this.params);
    const { N, r, p } = this.params;
    return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, n, r, p, salt, hash] = stored.split('$');
    if (scheme !== 'scrypt') return false;
    const expected = Buffer.from(hash, 'base64url');
    const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
    return key.length === expected.length && timingSafeEqual(key, expected);
  }

  /** A fixed hash at today's cost to verify against when the email is unknown, so that the answer takes as long. */
  decoyHash(): Promise<string> {
    this.decoy ??= this.hash('not a real password, only for timing');
    return this.decoy;
  }
}
