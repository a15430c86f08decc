import type { PartyKind, VisitEventPayload } from '@passerelle/contracts';

/**
 * The one mapping from a visit to what its events tell the settlement subgraph (`visit.accepted` when a
 * check-in accepts it, `visit.voided` when it is voided): the payload the contract describes.
 */
export function visitEventPayload(visit: {
  id: string;
  networkId: string;
  passId: string;
  spaceId: string;
  payerKind: PartyKind;
  payerId: string;
  occurredAt: Date;
  localDate: string;
  networkMonth: string;
  units: number;
  amountCents: number;
}): VisitEventPayload {
  return {
    visitId: visit.id,
    networkId: visit.networkId,
    passId: visit.passId,
    hostSpaceId: visit.spaceId,
    payer: { kind: visit.payerKind, id: visit.payerId },
    occurredAt: visit.occurredAt.toISOString(),
    localDate: visit.localDate,
    networkMonth: visit.networkMonth,
    units: visit.units,
    amountCents: visit.amountCents,
  };
}
