import { minorDigits, statementsCsv, toMajorUnits } from './period-csv';

describe('period CSV', () => {
  it('writes major units exactly, whatever the currency', () => {
    expect(toMajorUnits('-1234', 2)).toBe('-12.34');
    expect(toMajorUnits('5', 2)).toBe('0.05');
    expect(toMajorUnits('900719925474099312', 2)).toBe('9007199254740993.12');
    expect(toMajorUnits('1500', minorDigits('JPY'))).toBe('1500');
    expect(toMajorUnits('1500', minorDigits('TND'))).toBe('1.500');
  });

  it('is RFC 4180: a header row, CRLF, and names with commas or quotes quoted', () => {
    const csv = statementsCsv(
      [
        {
          party: { kind: 'SPACE', id: 'a', name: 'La "Serre", Toulouse' },
          hostedVisits: 2,
          receivableCents: '2400',
          paidVisits: 0,
          payableCents: '0',
          netCents: '2400',
        },
      ],
      'EUR',
    );
    expect(csv.split('\r\n')[0]).toBe(
      'party_kind,party_id,party_name,hosted_visits,receivable_cents,receivable,paid_visits,payable_cents,payable,net_cents,net,currency',
    );
    expect(csv.split('\r\n')[1]).toBe('SPACE,a,"La ""Serre"", Toulouse",2,2400,24.00,0,0,0.00,2400,24.00,EUR');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
