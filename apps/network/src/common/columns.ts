import type { ValueTransformer } from 'typeorm';

/** PostgreSQL `bigint` (money in cents) comes back from pg as a string; amounts stay below 2^53. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
