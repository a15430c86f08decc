import { GraphQLError, GraphQLScalarType, Kind, print, ValueNode } from 'graphql';
import { ErrorCode } from './errors';

const notCents = (shown: string) =>
  new GraphQLError(`Cents must be a whole number of minor units written as a JSON integer, got ${shown}.`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT },
  });

/** From a client: a JSON integer only — no string ("" or "0x10" are not amounts), no fraction. */
function parseCents(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw notCents(JSON.stringify(value) ?? String(value));
  return value;
}

/** To a client: PostgreSQL's `bigint` arrives as a string of digits, and leaves as a JSON number. */
function serializeCents(value: unknown): number {
  const n = typeof value === 'bigint' || (typeof value === 'string' && /^-?\d+$/.test(value)) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new GraphQLError(`Cents ${String(value)} cannot be written exactly as a JSON number.`);
  }
  return n;
}

/** Money in the currency's minor unit. */
export const CentsScalar = new GraphQLScalarType({
  name: 'Cents',
  description:
    "Integer amount in the currency's minor unit, as a JSON integer (never a string or a fraction), |n| ≤ 2^53 − 1. " +
    'Inputs are bounded further where they are taken (a product unit value is at most 10,000,000), so that ' +
    "no visit's amount nor a month's sum can leave that range.",
  serialize: serializeCents,
  parseValue: parseCents,
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.INT) throw notCents(print(ast));
    return parseCents(Number(ast.value));
  },
});
