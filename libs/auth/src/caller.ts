import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Caller } from '@passerelle/contracts';
import { UnauthenticatedError } from '@passerelle/graphql';

// Who is making the request: it crosses between subgraphs too, so its one definition is a contract.
export type { Caller };

export interface RequestContext {
  caller: Caller;
  /** The client's address as the first hop saw it (forwarded by the gateway). */
  clientAddress: string;
  /** The request's Accept-Language header, when it has one. */
  acceptLanguage?: string;
}

export const ANONYMOUS: Caller = { kind: 'anonymous', invalidToken: false };

/** The caller of the current GraphQL operation. */
export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller =>
    GqlExecutionContext.create(context).getContext<RequestContext>().caller,
);

/** The logged-in user's id; anything else (no token, expired token, scanner) is UNAUTHENTICATED. */
export function requireUser(caller: Caller): string {
  if (caller.kind === 'user') return caller.userId;
  if (caller.kind === 'anonymous' && caller.invalidToken) {
    throw new UnauthenticatedError('Your access token is invalid or has expired: refresh it or log in again.');
  }
  if (caller.kind === 'scanner') throw new UnauthenticatedError('A scanner token cannot do this: log in as a person.');
  throw new UnauthenticatedError();
}
