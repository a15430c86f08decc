import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RateLimitedError } from '@passerelle/graphql';
import { EntityManager, Repository } from 'typeorm';
import { LoginFailureEntity } from './login-failure.entity';
import { ACCOUNTS_DATA_SOURCE } from '../accounts.data-source';
import { TooManyLogInsError } from './sessions.errors';

export const LOGIN_LIMITS = Symbol('LOGIN_LIMITS');
export interface LoginLimits {
  maxFailuresPerEmail: number;
  maxFailuresPerAddress: number;
  lockoutSeconds: number;
}

// A window older than the lockout starts over, unless its key is still locked.
const STALE = `(f.window_started_at < now() - $3::interval AND (f.locked_until IS NULL OR f.locked_until <= now()))`;

/**
 * Takes a place under the limit, or nothing: failures plus attempts still being checked must stay
 * below the maximum, and the key must not be locked. One statement, so parallel attempts queue on
 * the row and no more of them get through than the limit allows.
 */
const RESERVE = `
  INSERT INTO login_failures AS f (key, failures, pending, window_started_at, locked_until)
  VALUES ($1, 0, 1, now(), NULL)
  ON CONFLICT (key) DO UPDATE SET
    failures = CASE WHEN ${STALE} THEN 0 ELSE f.failures END,
    pending = CASE WHEN ${STALE} THEN 1 ELSE f.pending + 1 END,
    window_started_at = CASE WHEN ${STALE} THEN now() ELSE f.window_started_at END,
    locked_until = CASE WHEN ${STALE} THEN NULL ELSE f.locked_until END
  WHERE ${STALE} OR (f.failures + f.pending < $2 AND (f.locked_until IS NULL OR f.locked_until <= now()))
  RETURNING key`;

/** The attempt's place becomes a failure; reaching the limit locks the key for the lockout period. */
const FAIL = `
  INSERT INTO login_failures AS f (key, failures, pending, window_started_at, locked_until)
  VALUES ($1, 1, 0, now(), CASE WHEN 1 >= $2 THEN now() + $3::interval END)
  ON CONFLICT (key) DO UPDATE SET
    failures = f.failures + 1,
    pending = GREATEST(f.pending - 1, 0),
    locked_until = CASE WHEN f.failures + 1 >= $2 THEN now() + $3::interval ELSE f.locked_until END`;

/** The attempt's place at a key is given back, nothing else changes. */
const RELEASE = `UPDATE login_failures SET pending = GREATEST(pending - 1, 0) WHERE key = $1`;

/** The same, and the key's failures are forgiven. */
const FORGIVE = `UPDATE login_failures SET pending = GREATEST(pending - 1, 0), failures = 0, locked_until = NULL
  WHERE key = $1`;

/**
 * Limits failed log-ins per email and per client address. Counters live in PostgreSQL so that every
 * instance of the accounts subgraph sees the same ones. Each attempt reserves its place before the
 * password is hashed, so parallel attempts cannot all be checked against counters read too early.
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

  private get window(): string {
    return `${this.limits.lockoutSeconds} seconds`;
  }

  /**
   * Reserves a place for this attempt under both limits, or throws RATE_LIMITED having reserved
   * neither. Keys are always taken email first, then address, so two attempts never wait on each other
   * in a cycle.
   */
  async reserve(email: string, address: string): Promise<void> {
    await this.failures.manager.transaction(async (manager) => {
      for (const [key, max] of this.keys(email, address)) {
        const reserved: unknown[] = await manager.query(RESERVE, [key, max, this.window]);
        if (reserved.length === 0) throw await this.refusal(manager, key);
      }
    });
  }

  /** Counts the reserved attempt as a failure. */
  async recordFailure(email: string, address: string): Promise<void> {
    for (const [key, max] of this.keys(email, address)) await this.failures.query(FAIL, [key, max, this.window]);
  }

  /**
   * Gives the reserved places back and forgives the email's failures (not the address's: one good
   * account must not hide guessing from the same place).
   */
  async recordSuccess(email: string, address: string): Promise<void> {
    const [[emailKey], [addressKey]] = this.keys(email, address);
    await this.giveBack([emailKey, FORGIVE], [addressKey, RELEASE]);
  }

  /** Gives the reserved places back for an attempt that could not be judged. */
  async release(email: string, address: string): Promise<void> {
    await this.giveBack(...this.keys(email, address).map(([key]): [string, string] => [key, RELEASE]));
  }

  /**
   * One statement per key, each on its own: a statement that held one key's row while waiting for the
   * other's could deadlock with an attempt reserving them (in a transaction, email first).
   */
  private async giveBack(...steps: Array<[key: string, statement: string]>): Promise<void> {
    for (const [key, statement] of steps) await this.failures.query(statement, [key]);
  }

  private async refusal(manager: EntityManager, key: string): Promise<RateLimitedError> {
    const [row]: Array<{ seconds: number }> = await manager.query(
      `SELECT CEIL(EXTRACT(EPOCH FROM locked_until - now()))::int AS seconds
       FROM login_failures WHERE key = $1 AND locked_until > now()`,
      [key],
    );
    return new TooManyLogInsError(row ? row.seconds : null);
  }
}
