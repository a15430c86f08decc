import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsUUID, MaxLength, ValidateBy, ValidationOptions } from 'class-validator';

/**
 * Characters that change how the text around them is shown without being seen themselves: the
 * bidirectional embeddings, overrides and isolates ("Acme\u202Egpj.exe" reads "Acmeexe.jpg").
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
/** Half of a UTF-16 pair with no other half: no character at all (PostgreSQL refuses it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Format characters and spaces that draw nothing: a name made only of these looks empty. */
const INVISIBLE = /^[\s\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]*$/u;

/**
 * Why a text cannot be stored as it was sent, or null: PostgreSQL refuses NUL in any text, and half
 * of a UTF-16 pair would silently become U+FFFD on the way (two different keys made one).
 */
export function unstorableTextReason(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(value)) return 'must not contain half of a character (a lone UTF-16 surrogate)';
  return null;
}

/** Why a piece of text cannot be shown to another person as it is, or null when it can. */
export function unsafeTextReason(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return 'contains half of a character (a lone UTF-16 surrogate)';
  if (BIDI_CONTROLS.test(value)) return 'contains a character that reverses the text around it';
  return null;
}

/** Text shown to others (names, cities, emails): well-formed, without direction overrides. */
export function IsSafeText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSafeText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || unsafeTextReason(value) === null,
        defaultMessage: (args) => `${args?.property} ${unsafeTextReason(String(args?.value)) ?? 'is not valid text'}`,
      },
    },
    options,
  );
}

const trimmed = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A required human-readable name: trimmed, visible, safe to show, at most `max` characters. */
export function IsName(max = 200): PropertyDecorator {
  return applyDecorators(
    trimmed,
    IsNotEmpty({ message: (args) => `${args.property} must not be empty` }),
    ValidateBy({
      name: 'isVisible',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !INVISIBLE.test(value),
        defaultMessage: (args) => `${args?.property} must contain visible characters`,
      },
    }),
    IsSafeText(),
    MaxLength(max),
  );
}

/** An email address, trimmed and lower-cased, as people type it and as it is compared. */
export function IsEmailAddress(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsEmail({}, { message: (args) => `${args.property} must be a valid email address` }),
    IsSafeText(),
    MaxLength(254),
  );
}

/** Every id this API gives out is a UUID: anything else is the client's mistake, named as such. */
export function IsId(): PropertyDecorator {
  return IsUUID('all', { message: (args) => `${args.property} must be an id this API gave out (a UUID)` });
}
