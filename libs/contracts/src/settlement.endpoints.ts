import { internalEndpoint } from './endpoint';

/** Endpoints the settlement subgraph serves to the other subgraphs. */

/**
 * The visits of one network month that are settled in another, for the network subgraph's
 * `visits(filter: { month })`: only late arrivals move, so both lists are short.
 */
export interface MovedVisits {
  /** Visits of other months settled in this one: they arrived after their own month closed. */
  movedIn: string[];
  /** Visits of this month settled in a later one, for the same reason. */
  movedOut: string[];
}

export const MOVED_VISITS = internalEndpoint<{ networkId: string; month: string }, MovedVisits>(
  '/internal/visit-periods/moved',
);
