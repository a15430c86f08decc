import type { PartyKind } from '@passerelle/contracts';

/** What the settlement subgraph learns of a visit (`visit.accepted`, `visit.voided`). */
export interface VisitEventPayload {
  visitId: string;
  networkId: string;
  passId: string;
  hostSpaceId: string;
  payer: { kind: PartyKind; id: string };
  occurredAt: string;
  localDate: string;
  networkMonth: string;
  units: number;
  amountCents: number;
}

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
