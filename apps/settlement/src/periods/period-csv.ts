import { stringify } from 'csv-stringify/sync';
import type { StatementFigure } from './period-figures';

const COLUMNS = [
  'party_kind',
  'party_id',
  'party_name',
  'hosted_visits',
  'receivable_cents',
  'receivable',
  'paid_visits',
  'payable_cents',
  'payable',
  'net_cents',
  'net',
  'currency',
];

/** How many minor units the currency has (EUR 2, JPY 0, TND 3), as ISO 4217 says through Intl. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Integer cents as a plain decimal in major units ("-1234" EUR → "-12.34"), exact for any size. */
export function toMajorUnits(cents: string, digits: number): string {
  const value = BigInt(cents);
  const sign = value < 0n ? '-' : '';
  const magnitude = (value < 0n ? -value : value).toString().padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${magnitude}` : `${sign}${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
}

/** The statements as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they need it. */
export function statementsCsv(statements: StatementFigure[], currency: string): string {
  const digits = minorDigits(currency);
  return stringify(
    statements.map((s) => [
      s.party.kind,
      s.party.id,
      s.party.name,
      s.hostedVisits,
      s.receivableCents,
      toMajorUnits(s.receivableCents, digits),
      s.paidVisits,
      s.payableCents,
      toMajorUnits(s.payableCents, digits),
      s.netCents,
      toMajorUnits(s.netCents, digits),
      currency,
    ]),
    { header: true, columns: COLUMNS, record_delimiter: 'windows' },
  );
}
