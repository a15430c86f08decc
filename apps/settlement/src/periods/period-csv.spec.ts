import { minorDigits, statementsCsv, toMajorUnits } from './period-csv';
import type { StatementFigure } from './period-figures';

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

describe('period CSV against formula injection (OWASP)', () => {
  const statement = (name: string, netCents: string): StatementFigure => ({
    party: { kind: 'SPACE', id: 'a', name },
    hostedVisits: 1,
    receivableCents: '0',
    paidVisits: 1,
    payableCents: '1500',
    netCents,
  });
  const cells = (name: string, netCents = '-1500') =>
    statementsCsv([statement(name, netCents)], 'EUR').split('\r\n')[1];

  it.each([
    ['=1+1', "'=1+1"],
    ['+33 5 61 00 00 00', "'+33 5 61 00 00 00"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tTab', "'\tTab"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
  ])('writes a party named %j as text, behind a single quote', (name, written) => {
    expect(cells(name)).toBe(`SPACE,a,${written},1,0,0.00,1,1500,15.00,-1500,-15.00,EUR`);
  });

  it('quotes a formula that also holds commas and quotes, after escaping it', () => {
    expect(cells('=HYPERLINK("http://evil.example","Open")')).toBe(
      `SPACE,a,"'=HYPERLINK(""http://evil.example"",""Open"")",1,0,0.00,1,1500,15.00,-1500,-15.00,EUR`,
    );
  });

  it('escapes a leading carriage return, and quotes it as any line break, so the row stays one row', () => {
    expect(cells('\rcmd')).toBe(`SPACE,a,"'\rcmd",1,0,0.00,1,1500,15.00,-1500,-15.00,EUR`);
    expect(cells('La\nSerre')).toBe(`SPACE,a,"La\nSerre",1,0,0.00,1,1500,15.00,-1500,-15.00,EUR`);
  });

  it('leaves ordinary names and negative amounts as they are', () => {
    expect(cells('La Serre', '-900719925474099312')).toBe(
      'SPACE,a,La Serre,1,0,0.00,1,1500,15.00,-900719925474099312,-9007199254740993.12,EUR',
    );
  });
});
