import type { Caller, AccessClaims } from './caller';
import { internalEndpoint } from './endpoint';
import type { NamedParty } from './party';

/** Endpoints the network subgraph (the registry) serves to the other subgraphs. */

export interface SettlementDirectoryRequest {
  networkId: string;
  /** The user asking; without one, the caller part answers "may do nothing". */
  userId?: string;
  /** Whether that user's address is verified: until it is, nothing granted to it counts. */
  emailVerified?: boolean;
}

export interface SettlementDirectory {
  /** Null when there is no such network. */
  network: {
    id: string;
    name: string;
    currency: string;
    timezone: string;
    settlementMode: 'DIRECT' | 'CENTRAL';
  } | null;
  /**
   * What the user may do with the network's settlement, decided by the registry's catalogue from the
   * current role grants: close it (an admin), read its periods, and whose lines (the spaces they operate
   * that are ACTIVE members; empty for an admin, who sees every line). Settlement only obeys it.
   */
  caller: { networkAdmin: boolean; mayReadPeriods: boolean; operatedSpaceIds: string[] };
  /** Every party that can appear in the network's settlement, with its current name. */
  parties: NamedParty[];
}

/** A network's settings, the caller's roles on it as they are now, and its parties' names: one round trip. */
export const SETTLEMENT_DIRECTORY = internalEndpoint<SettlementDirectoryRequest, SettlementDirectory>(
  '/internal/settlement-directory',
);

export const MAX_VISIBLE_VISIT_IDS = 1000;

/** A visit as the subgraphs that add fields to it need it: its key, and where it falls for settlement. */
export interface VisibleVisit {
  id: string;
  networkId: string;
  networkMonth: string;
}

/** Of these visits (at most MAX_VISIBLE_VISIT_IDS), those the caller may see, by the registry's rule for Visit. */
export const VISIBLE_VISITS = internalEndpoint<
  { caller: Caller; visitIds: readonly string[] },
  { visits: VisibleVisit[] }
>('/internal/visible-visits');

/** Who a device token stands for, as it is now (only the registry knows scanners); null for none. */
export const SCANNER_CALLER = internalEndpoint<{ token: string }, { caller: Caller | null }>(
  '/internal/scanner-caller',
);

export const MAX_EMAIL_VISIBILITY_USERS = 1000;

/** Of these users (at most MAX_EMAIL_VISIBILITY_USERS), those whose email the viewer may see. */
export const EMAIL_VISIBILITY = internalEndpoint<
  { viewerId: string; userIds: readonly string[] },
  { visibleUserIds: string[] }
>('/internal/email-visibility');

/**
 * Accounts reports each verification and password reset here before committing it: the registry then
 * judges every access token (its own requests', and settlement's through USER_CALLER) without a call
 * to accounts. A version is never lowered.
 */
export const ACCOUNT_CREDENTIALS = internalEndpoint<
  { userId: string; version: number; emailVerified: boolean },
  Record<string, never>
>('/internal/account-credentials');

/** Whether an access token's claims are still good (not from before a reset), and the address verified. */
export const USER_CALLER = internalEndpoint<{ claims: AccessClaims }, { current: boolean; emailVerified: boolean }>(
  '/internal/user-caller',
);
