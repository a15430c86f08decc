import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { BadUserInputError } from './errors';
import { unstorableTextReason } from './text';

function firstFailure(errors: ValidationError[], prefix = ''): { field: string; message: string } {
  const error = errors[0];
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  if (error.constraints) return { field, message: Object.values(error.constraints)[0] };
  return firstFailure(error.children ?? [], field);
}

/**
 * The first text that cannot be stored as sent (see `unstorableTextReason`): its field path (`name`,
 * `address.city`, `input[3].idempotencyKey`, `reason`) and why, or undefined.
 */
function unstorableTextAt(value: unknown, path: string): { field: string; reason: string } | undefined {
  if (typeof value === 'string') {
    const reason = unstorableTextReason(value);
    return reason === null ? undefined : { field: path, reason };
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableTextAt(item, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorableTextAt(item, path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * class-validator on every input; the first failure becomes BAD_USER_INPUT naming the field
 * (relative to the input object, e.g. `slug` or `address.city`; in a list, `input[3].idempotencyKey`).
 * Before that, every text of every argument is refused if it cannot be stored as sent: one rule for
 * every string a client sends, checked before any resolver writes anything.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Everything a client sends (GraphQL arguments arrive as `body`); not what our own decorators make.
    if (metadata.type !== 'custom') {
      const top = Array.isArray(value) || typeof value !== 'object' ? (metadata.data ?? '') : '';
      const found = unstorableTextAt(value, top);
      if (found !== undefined) {
        const field = found.field || 'input';
        throw new BadUserInputError(field, `${field} ${found.reason}.`);
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
