import { isTimeZone } from '@passerelle/calendar';
import { Transform } from 'class-transformer';
import { Matches, registerDecorator, ValidationOptions } from 'class-validator';

/** Lowercase letters, digits and hyphens, 3 to 63 characters, no hyphen at either end (DNS-label like). */
export const SLUG_PATTERN = /^(?=.{3,63}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export function IsSlug(): PropertyDecorator {
  return Matches(SLUG_PATTERN, {
    message: (args) =>
      `${args.property} must be 3 to 63 lowercase letters, digits or hyphens, not starting or ending with a hyphen`,
  });
}

/** An IANA zone name such as Europe/Paris, as this Node.js knows them. */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${String(propertyName)} must be an IANA time zone such as Europe/Paris`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isTimeZone(value) },
    });
}

const trimmed = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const upperCased = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value,
);

export const Trimmed = (): PropertyDecorator => trimmed;
export const UpperCased = (): PropertyDecorator => upperCased;
