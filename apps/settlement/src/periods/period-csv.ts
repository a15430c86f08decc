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
] as const;

type Column = (typeof COLUMNS)[number];

/**
 * Columns this module writes itself from integers (a count, or an amount with an optional minus sign):
 * a spreadsheet must read them as numbers, so `-1500` keeps its sign instead of a formula escape. They
 * can never carry someone's text, which is why exempting them leaves no way in for a formula.
 */
const NUMERIC_COLUMNS: ReadonlySet<Column> = new Set([
  'hosted_visits',
  'receivable_cents',
  'receivable',
  'paid_visits',
  'payable_cents',
  'payable',
  'net_cents',
  'net',
]);

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

/**
 * The statements as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they need it. Text
 * cells (party names above all, which operators choose) that a spreadsheet would run as a formula,
 * starting with =, +, -, @, a tab or a carriage return, get a leading single quote (OWASP CSV
 * injection); numeric columns are left as numbers.
 */
export function statementsCsv(statements: StatementFigure[], currency: string): string {
  const digits = minorDigits(currency);
  const rows = statements.map((s): Record<Column, string | number> => ({
    party_kind: s.party.kind,
    party_id: s.party.id,
    party_name: s.party.name,
    hosted_visits: s.hostedVisits,
    receivable_cents: s.receivableCents,
    receivable: toMajorUnits(s.receivableCents, digits),
    paid_visits: s.paidVisits,
    payable_cents: s.payableCents,
    payable: toMajorUnits(s.payableCents, digits),
    net_cents: s.netCents,
    net: toMajorUnits(s.netCents, digits),
    currency,
  }));
  return stringify(rows, {
    header: true,
    columns: [...COLUMNS],
    record_delimiter: 'windows',
    // Given a record delimiter, csv-stringify stops quoting a lone \n or \r unless told to: a name with
    // a line break would split its row.
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: {
      string: (value, { column }) =>
        NUMERIC_COLUMNS.has(column as Column) ? { value, escape_formulas: false } : value,
    },
  });
}
