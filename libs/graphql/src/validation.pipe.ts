import { ValidationError, ValidationPipe } from '@nestjs/common';
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
 * class-validator on every input; the first failure becomes BAD_USER_INPUT naming the field
 * (relative to the input object, e.g. `slug` or `address.city`).
 */
export function inputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
