import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimitedError } from '@passerelle/graphql';
import { DataSource } from 'typeorm';
import { ACCOUNTS_DATA_SOURCE } from '../accounts.data-source';

export class TooManyMailRequestsError extends RateLimitedError {
  constructor(retryAfterSeconds: number) {
    super(
      `A link was sent a moment ago: try again in ${retryAfterSeconds} seconds.`,
      retryAfterSeconds,
      'TOO_MANY_MAILS',
    );
  }
}

/** At most one mail-sending request per key (an address, an account) in each interval. */
@Injectable()
export class RequestLimitsService {
  constructor(@InjectDataSource(ACCOUNTS_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /**
   * Takes a place for every key, or RATE_LIMITED with the longest wait. Each take is one conditional
   * statement, so two parallel requests never both pass.
   */
  async take(keys: string[], intervalSeconds: number): Promise<void> {
    let wait = 0;
    for (const key of keys) {
      const rows: Array<{ key: string }> = await this.dataSource.query(
        `INSERT INTO request_limits AS l (key, last_at) VALUES ($1, now())
         ON CONFLICT (key) DO UPDATE SET last_at = now()
         WHERE l.last_at <= now() - make_interval(secs => $2)
         RETURNING key`,
        [key, intervalSeconds],
      );
      if (rows.length > 0) continue;
      const [row]: Array<{ seconds: number }> = await this.dataSource.query(
        `SELECT ceil(extract(epoch FROM last_at + make_interval(secs => $2) - now()))::int AS seconds
           FROM request_limits WHERE key = $1`,
        [key, intervalSeconds],
      );
      wait = Math.max(wait, row?.seconds ?? 1, 1);
    }
    if (wait > 0) throw new TooManyMailRequestsError(wait);
  }
}
