import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { BadUserInputError } from './errors';

function firstFailure(errors: ValidationError[], prefix = ''): { field: string; message: string } {
  const error = errors[0];
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  if (error.constraints) return { field, message: Object.values(error.constraints)[0] };
  return firstFailure(error.children ?? [], field);
}

/**
 * Where a text holds the NUL character, which PostgreSQL cannot store in any text column: the field
 * path (`name`, `address.city`, `input[3].idempotencyKey`, `reason`), or undefined.
 */
function nulCharacterAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulCharacterAt(item, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = nulCharacterAt(item, path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * class-validator on every input; the first failure becomes BAD_USER_INPUT naming the field
 * (relative to the input object, e.g. `slug` or `address.city`; in a list, `input[3].idempotencyKey`).
 * Before that, every text of every argument is refused if it holds a NUL character: one rule for every
 * string a client sends, checked before any resolver writes anything.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Everything a client sends (GraphQL arguments arrive as `body`); not what our own decorators make.
    if (metadata.type !== 'custom') {
      const top = Array.isArray(value) || typeof value !== 'object' ? (metadata.data ?? '') : '';
      const field = nulCharacterAt(value, top);
      if (field !== undefined) {
        throw new BadUserInputError(
          field || 'input',
          `${field || 'input'} must not contain the NUL character (\\u0000).`,
        );
      }
    }
    return super.transform(value, metadata);
  }
}

export function inputValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    whitelist: false,
    forbidUnknownValues: false,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const { field, message } = firstFailure(errors);
      return new BadUserInputError(field, message.charAt(0).toUpperCase() + message.slice(1) + '.');
    },
  });
}

/**
 * Validates each item of a list argument: Nest's pipe checks a list's items only against their
 * GraphQL types, not their class-validator rules. The field names the item, e.g. `input[3].idempotencyKey`.
 */
export function validateListItems<T extends object>(
  cls: new () => T,
  items: readonly unknown[],
  argument: string,
): T[] {
  return items.map((item, index) => {
    const instance = plainToInstance(cls, item);
    const errors = validateSync(instance, { stopAtFirstError: true, forbidUnknownValues: false });
    if (errors.length === 0) return instance;
    const { field, message } = firstFailure(errors, `${argument}[${index}]`);
    throw new BadUserInputError(field, message.charAt(0).toUpperCase() + message.slice(1) + '.');
  });
}
