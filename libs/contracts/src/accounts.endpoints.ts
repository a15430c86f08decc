import { internalEndpoint } from './endpoint';

/** Endpoints the accounts subgraph serves to the other subgraphs. */

/**
 * The account for an email, created as an invitation when there is none yet (other subgraphs name people
 * by email and need their account id at once); accounts mails the address about `grant`, which counts
 * for the account once it has proved it owns the address.
 */
export const INVITATIONS = internalEndpoint<
  { email: string; grant?: InvitationGrant },
  { userId: string; email: string; claimed: boolean }
>('/internal/invitations');

/** What is given to the address, for the mail that tells its owner. */
export type InvitationGrant =
  | { kind: 'role'; role: 'NETWORK_ADMIN' | 'SPACE_OPERATOR'; scopeName: string }
  | { kind: 'pass'; productName: string; serial: string };
