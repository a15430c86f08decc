import { z } from 'zod';
import type { OutboxEvent } from './outbox-event';
import { partyKindSchema } from './party';

/** The network subgraph writes one when a check-in accepts a visit, in the same transaction. */
export const VISIT_ACCEPTED = 'visit.accepted';
/** …and one when an operator voids it, in the void's transaction. */
export const VISIT_VOIDED = 'visit.voided';

const uuid = z.guid();

/**
 * What the settlement subgraph learns of a visit, for both event types. Fields a newer producer adds
 * are let through (and ignored), so adding one never stops a consumer.
 */
export const visitEventPayloadSchema = z.object({
  visitId: uuid,
  networkId: uuid,
  passId: uuid,
  hostSpaceId: uuid,
  payer: z.object({ kind: partyKindSchema, id: uuid }),
  occurredAt: z.iso.datetime({ offset: true }),
  /** YYYY-MM-DD in the host space's timezone. */
  localDate: z.iso.date(),
  /** YYYY-MM in the network's timezone: the period the visit belongs to while that month is open. */
  networkMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  units: z.number().int().nonnegative(),
  /** Owed by the payer to the host, in integer cents; a void names the amount it takes back. */
  amountCents: z.number().int().nonnegative(),
});

export type VisitEventPayload = z.infer<typeof visitEventPayloadSchema>;

export type VisitEventType = typeof VISIT_ACCEPTED | typeof VISIT_VOIDED;

/** A visit event whose payload has been checked. */
export interface VisitEvent extends OutboxEvent<VisitEventPayload> {
  type: VisitEventType;
}

/** An event of a visit type whose payload is not what this contract says: it names where and why. */
export class MalformedEventError extends Error {
  constructor(
    readonly position: string,
    readonly type: string,
    readonly issues: string[],
  ) {
    super(`The ${type} event at position ${position} does not match its contract: ${issues.join('; ')}`);
    this.name = 'MalformedEventError';
  }
}

/**
 * The parse guard consumers call on each event of the feed: the typed event for a visit type, null for
 * an event of another type (meant for other consumers), and a MalformedEventError for a visit event
 * that does not match the contract.
 */
export function parseVisitEvent(event: OutboxEvent<unknown>): VisitEvent | null {
  if (event.type !== VISIT_ACCEPTED && event.type !== VISIT_VOIDED) return null;
  const parsed = visitEventPayloadSchema.safeParse(event.payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`);
    throw new MalformedEventError(event.position, event.type, issues);
  }
  return { ...event, type: event.type, payload: parsed.data };
}
