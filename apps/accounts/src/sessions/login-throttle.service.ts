import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RateLimitedError } from '@passerelle/graphql';
import { Repository } from 'typeorm';
import { LoginFailureEntity } from './login-failure.entity';
import { ACCOUNTS_DATA_SOURCE } from '../accounts.database';

export const LOGIN_LIMITS = Symbol('LOGIN_LIMITS');
export interface LoginLimits {
  maxFailuresPerEmail: number;
  maxFailuresPerAddress: number;
  lockoutSeconds: number;
}

/**
 * Limits failed log-ins per email and per client address. Counters live in PostgreSQL so that every
 * instance of the accounts subgraph sees the same ones.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectRepository(LoginFailureEntity, ACCOUNTS_DATA_SOURCE)
    private readonly failures: Repository<LoginFailureEntity>,
    @Inject(LOGIN_LIMITS) private readonly limits: LoginLimits,
  ) {}

  private keys(email: string, address: string): Array<[string, number]> {
    return [
      [`email:${email}`, this.limits.maxFailuresPerEmail],
      [`ip:${address}`, this.limits.maxFailuresPerAddress],
    ];
  }

  /** Refuses the attempt, before the password is even looked at, while either key is locked. */
  async assertAllowed(email: string, address: string, now = new Date()): Promise<void> {
    const rows = await this.failures.findBy(this.keys(email, address).map(([key]) => ({ key })));
    const lockedUntil = rows
      .map((row) => row.lockedUntil)
      .filter((until): until is Date => until !== null && until > now)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    if (lockedUntil) {
      const seconds = Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000);
      throw new RateLimitedError(`Too many failed log-ins: try again in ${Math.ceil(seconds / 60)} minutes.`, seconds);
    }
  }

  /** Counts a failure; reaching the limit locks the key for the lockout period. */
  async recordFailure(email: string, address: string): Promise<void> {
    const window = `${this.limits.lockoutSeconds} seconds`;
    for (const [key, max] of this.keys(email, address)) {
      // One statement per key: parallel failures cannot lose a count. A window older than the lockout starts over.
      await this.failures.query(
        `INSERT INTO login_failures AS f (key, failures, window_started_at, locked_until)
         VALUES ($1, 1, now(), CASE WHEN 1 >= $2 THEN now() + $3::interval END)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN f.window_started_at < now() - $3::interval THEN 1 ELSE f.failures + 1 END,
           window_started_at = CASE WHEN f.window_started_at < now() - $3::interval THEN now() ELSE f.window_started_at END,
           locked_until = CASE
             WHEN (CASE WHEN f.window_started_at < now() - $3::interval THEN 1 ELSE f.failures + 1 END) >= $2
             THEN now() + $3::interval ELSE f.locked_until END`,
        [key, max, window],
      );
    }
  }

  /** A successful log-in clears the email's count (not the address's: one good account must not hide guessing). */
  async recordSuccess(email: string): Promise<void> {
    await this.failures.delete({ key: `email:${email}` });
  }
}
