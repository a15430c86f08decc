import { randomInt } from 'node:crypto';

/**
 * Pass serials are typed by hand at a front desk: no 0/O, 1/I/L or U, grouped by four, and read back
 * forgivingly (case, spaces and dashes do not matter).
 */
export const SERIAL_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 8;

export function newSerial(): string {
  let serial = '';
  for (let i = 0; i < LENGTH; i += 1) serial += SERIAL_ALPHABET[randomInt(SERIAL_ALPHABET.length)];
  return `${serial.slice(0, 4)}-${serial.slice(4)}`;
}

/** The serial as stored, from what a person typed; null when it cannot be one. */
export function normalizeSerial(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== LENGTH || [...compact].some((c) => !SERIAL_ALPHABET.includes(c))) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}
