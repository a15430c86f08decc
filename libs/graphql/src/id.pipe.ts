import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { BadUserInputError } from './errors';

/**
 * For a plain `ID` argument (`pass(id:)`, `period(networkId:)`): every id this API gives out is a
 * UUID, so anything else is named as the client's mistake rather than looked up and not found. Input
 * objects say the same with `@IsId()`.
 */
@Injectable()
export class IdPipe implements PipeTransform<unknown> {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const field = metadata.data ?? 'id';
    if (value !== undefined && value !== null && (typeof value !== 'string' || !isUUID(value))) {
      throw new BadUserInputError(field, `${field} must be an id this API gave out (a UUID).`);
    }
    return value;
  }
}
