import { Module } from '@nestjs/common';
import { CustomScalar, Scalar } from '@nestjs/graphql';
import { GraphQLError, Kind, print, ValueNode } from 'graphql';
import { ErrorCode } from './errors';

// RFC 3339 date-time: a full date, a time, and an offset (Z or ±hh:mm); nothing a reader must guess.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;

const notDateTime = (shown: string) =>
  new GraphQLError(
    `DateTime must be an RFC 3339 date and time with its offset, such as 2026-03-14T09:30:00Z, got ${shown}.`,
    { extensions: { code: ErrorCode.BAD_USER_INPUT } },
  );

/** From a client: a string only (no epoch number), and a day that exists (no February 30). */
function parseDateTime(value: unknown): Date {
  const shown = JSON.stringify(value) ?? String(value);
  const match = typeof value === 'string' ? RFC3339.exec(value) : null;
  if (!match) throw notDateTime(shown);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const [offsetHours, offsetMinutes] = [Number(match[9] ?? 0), Number(match[10] ?? 0)];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const exists =
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    offsetHours < 24 &&
    offsetMinutes < 60;
  const instant = new Date(value as string);
  if (!exists || Number.isNaN(instant.getTime())) throw notDateTime(shown);
  return instant;
}

/**
 * Every instant of the API, read strictly and written in UTC. Nest builds DateTime from the scalar
 * providers of the modules a schema includes, so the scalar is a provider of its own module.
 */
@Scalar('DateTime', () => Date)
export class StrictDateTime implements CustomScalar<string, Date> {
  description = 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.';

  serialize(value: unknown): string {
    if (!(value instanceof Date)) throw new GraphQLError(`DateTime cannot write ${String(value)}.`);
    return value.toISOString();
  }

  parseValue(value: unknown): Date {
    return parseDateTime(value);
  }

  parseLiteral(ast: ValueNode): Date {
    if (ast.kind !== Kind.STRING) throw notDateTime(print(ast));
    return parseDateTime(ast.value);
  }
}

/** Imported by every subgraph, and included in its schema by `subgraphGraphQLConfig`. */
@Module({ providers: [StrictDateTime] })
export class DateTimeScalarModule {}
