import { GraphQLError } from 'graphql';

/** The only codes a client ever sees in `extensions.code` (see the API contract). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export const ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/**
 * An expected failure: its message is written for the person who made the request, its `reason` for
 * the program that made it. The reason is stable (clients branch on it: "already revoked" is not
 * "already requested"), the message may be reworded; a module's own errors live in its `*.errors.ts`.
 */
export class DomainError extends GraphQLError {
  readonly reason: string;

  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    const reason = typeof extensions.reason === 'string' ? extensions.reason : code;
    super(message, { extensions: { ...extensions, code, reason } });
    this.name = new.target.name;
    this.reason = reason;
  }
}

const constantCase = (words: string) => words.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Log in first: this needs a valid access token.') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string, reason: string = ErrorCode.FORBIDDEN, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.FORBIDDEN, message, { ...extensions, reason });
  }
}

/** `new NotFoundError('Pass product', id)`: reason PASS_PRODUCT_NOT_FOUND. */
export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super(ErrorCode.NOT_FOUND, id === undefined ? `${what} not found.` : `${what} ${id} not found.`, {
      reason: `${constantCase(what)}_NOT_FOUND`,
    });
  }
}

/** Bad input always names the field it is about. */
export class BadUserInputError extends DomainError {
  constructor(field: string, message: string, reason: string = ErrorCode.BAD_USER_INPUT) {
    super(ErrorCode.BAD_USER_INPUT, message, { field, reason });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, field?: string, reason: string = ErrorCode.CONFLICT) {
    super(ErrorCode.CONFLICT, message, field === undefined ? { reason } : { field, reason });
  }
}

export class RateLimitedError extends DomainError {
  constructor(message: string, retryAfterSeconds: number, reason: string = ErrorCode.RATE_LIMITED) {
    super(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds, reason });
  }
}
