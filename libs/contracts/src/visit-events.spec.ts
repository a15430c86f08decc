import { PartyKind } from './party';
import { MalformedEventError, parseVisitEvent, VISIT_ACCEPTED, VISIT_VOIDED, VisitEventPayload } from './visit-events';

const payload: VisitEventPayload = {
  visitId: '0195d7a4-8a4e-7000-8000-000000000001',
  networkId: '0195d7a4-8a4e-7000-8000-000000000002',
  passId: '0195d7a4-8a4e-7000-8000-000000000003',
  hostSpaceId: '0195d7a4-8a4e-7000-8000-000000000004',
  payer: { kind: PartyKind.SPACE, id: '0195d7a4-8a4e-7000-8000-000000000005' },
  occurredAt: '2026-11-30T23:30:00.000Z',
  localDate: '2026-12-01',
  networkMonth: '2026-12',
  units: 1,
  amountCents: 700,
};
const event = (type: string, body: unknown) => ({
  position: '10:3',
  type,
  payload: body,
  createdAt: payload.occurredAt,
});

describe('the visit event contract', () => {
  it('types an accepted and a voided visit whose payload matches', () => {
    expect(parseVisitEvent(event(VISIT_ACCEPTED, payload))).toEqual(event(VISIT_ACCEPTED, payload));
    expect(parseVisitEvent(event(VISIT_VOIDED, payload))?.payload.amountCents).toBe(700);
  });

  it('lets a field a newer producer adds through, and leaves events of other types to their consumers', () => {
    expect(parseVisitEvent(event(VISIT_ACCEPTED, { ...payload, seat: 'A3' }))?.payload.visitId).toBe(payload.visitId);
    expect(parseVisitEvent(event('pass.sold', { anything: true }))).toBeNull();
  });

  it.each([
    ['a missing field', { ...payload, networkId: undefined }, 'networkId'],
    ['an amount in a string', { ...payload, amountCents: '700' }, 'amountCents'],
    ['a fractional amount', { ...payload, amountCents: 7.5 }, 'amountCents'],
    ['an unknown payer kind', { ...payload, payer: { ...payload.payer, kind: 'PERSON' } }, 'payer.kind'],
    ['a month that is not YYYY-MM', { ...payload, networkMonth: '2026-13' }, 'networkMonth'],
    ['a visit id that is not a UUID', { ...payload, visitId: 'v1' }, 'visitId'],
    ['no payload at all', null, 'payload'],
  ])('refuses %s, naming the event and the field', (_case, body, field) => {
    let error: unknown;
    try {
      parseVisitEvent(event(VISIT_ACCEPTED, body));
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(MalformedEventError);
    expect((error as MalformedEventError).position).toBe('10:3');
    expect((error as MalformedEventError).message).toContain('visit.accepted event at position 10:3');
    expect((error as MalformedEventError).issues.join('\n')).toContain(`${field}:`);
  });
});
