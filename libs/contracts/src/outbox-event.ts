import { internalEndpoint } from './endpoint';

/** One event of a producing subgraph's outbox, as its feed serves it. */
export interface OutboxEvent<P = Record<string, unknown>> {
  /** `<transaction id>:<event id>`: totally ordered, and what a consumer keeps as its cursor. */
  position: string;
  type: string;
  payload: P;
  createdAt: string;
}

/** GET, with `?after=<position>&limit=<n>`: the events after a position, in commit-safe order. */
export const OUTBOX_FEED = internalEndpoint<undefined, { events: OutboxEvent[] }>('/internal/outbox');

/** GET: the position of the last event committed so far. */
export const OUTBOX_HEAD = internalEndpoint<undefined, { position: string }>('/internal/outbox/head');
