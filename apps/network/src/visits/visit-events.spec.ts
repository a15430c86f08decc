import { PartyKind, visitEventPayloadSchema } from '@passerelle/contracts';
import { v7 as timeOrderedUuid } from 'uuid';
import { visitEventPayload } from './visit-events';

describe('visit events as the network subgraph writes them', () => {
  it('match the contract the settlement subgraph reads them by', () => {
    const payload = visitEventPayload({
      id: timeOrderedUuid(),
      networkId: timeOrderedUuid(),
      passId: timeOrderedUuid(),
      spaceId: timeOrderedUuid(),
      payerKind: PartyKind.ORGANIZATION,
      payerId: timeOrderedUuid(),
      occurredAt: new Date('2026-11-30T23:30:00Z'),
      localDate: '2026-12-01',
      networkMonth: '2026-12',
      units: 2,
      amountCents: 300,
    });
    expect(visitEventPayloadSchema.strict().parse(payload)).toEqual(payload);
  });
});
