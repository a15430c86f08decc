import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function toCents(value: unknown): number {
  const n = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new GraphQLError(`Cents must be a whole number of minor units below 2^53, got ${String(value)}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return n;
}

/** Money in the currency's minor unit. PostgreSQL `bigint` arrives as a string; clients get a JSON number. */
export const CentsScalar = new GraphQLScalarType({
  name: 'Cents',
  description: "Integer amount in the currency's minor unit (a JSON number, |n| < 2^53)",
  serialize: toCents,
  parseValue: toCents,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT) throw new GraphQLError('Cents must be an integer literal.');
    return toCents(Number(ast.value));
  },
});
