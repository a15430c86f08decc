import { internalEndpoint } from './endpoint';

/** Endpoints the accounts subgraph serves to the other subgraphs. */

/**
 * The account for an email, created as an invitation (claimed by `signUp` with that email) when there
 * is none yet: other subgraphs name people by email and need their account id at once.
 */
export const INVITATIONS = internalEndpoint<{ email: string }, { userId: string; email: string; claimed: boolean }>(
  '/internal/invitations',
);
