import { BadUserInputError } from '@passerelle/graphql';

/** The languages of mail and messages; French is the default. */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A locale given by a client: fr or en, else BAD_USER_INPUT on the field. */
export function requireLocale(value: string, field: string): Locale {
  const normalized = value.trim().toLowerCase();
  if (!isLocale(normalized)) throw new BadUserInputError(field, `${field} must be fr or en.`);
  return normalized;
}
