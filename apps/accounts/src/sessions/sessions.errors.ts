import { ConflictError, RateLimitedError } from '@passerelle/graphql';

export class EmailTakenError extends ConflictError {
  constructor() {
    super('An account with this email already exists: log in instead.', 'email', 'EMAIL_TAKEN');
  }
}

/** Either the lock-out after failed log-ins, or a moment's wait while too many are being checked. */
export class TooManyLogInsError extends RateLimitedError {
  constructor(retryAfterSeconds: number | null) {
    super(
      retryAfterSeconds === null
        ? 'Too many log-ins at the same time: try again in a moment.'
        : `Too many failed log-ins: try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      retryAfterSeconds ?? 1,
      'TOO_MANY_LOG_INS',
    );
  }
}
