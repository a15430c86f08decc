import { ConflictError } from '@passerelle/graphql';

/** DESIGN: a key reused with another credential, space or explicit time is an error, not a replay. */
export class IdempotencyKeyReusedError extends ConflictError {
  constructor(field: string) {
    super('This idempotencyKey was already used for a different scan.', field, 'IDEMPOTENCY_KEY_REUSED');
  }
}
