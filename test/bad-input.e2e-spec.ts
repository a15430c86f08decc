import { Client } from 'pg';
import type { BadInputCase, Target } from './bad-input/case';
import { BAD_INPUT_CASES, CONTRACT_OPERATIONS } from './bad-input/cases';
import { tableSnapshot } from './bad-input/snapshot';
import { seedWorld, World } from './bad-input/world';
import { postRaw, RawResponse } from './support/http';
import { period } from './support/settlement';
import { sharedStack } from './support/shared-stack';

/**
 * The bad-input corpus: every malformed request of the table, in production mode, must be refused
 * as the client's mistake (HTTP 400, a code, the field), leak nothing of the server, and write nothing.
 */
describe('bad input', () => {
  const stack = sharedStack('production');
  let world: World;
  let db: Client;

  beforeAll(async () => {
    world = await seedWorld(stack);
    db = new Client(stack.databaseUrl);
    await db.connect();
  }, 120_000);
  afterAll(async () => {
    await db?.end();
  });

  it('covers every query and mutation of the contract with malformed requests of its own', () => {
    expect(BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(BAD_INPUT_CASES.map((c) => c.name)).size).toBe(BAD_INPUT_CASES.length);
    const bare = CONTRACT_OPERATIONS.filter(
      (operation) => !BAD_INPUT_CASES.some((c) => new RegExp(`\\b${operation}\\b`).test(documentOf(c))),
    );
    expect(bare).toEqual([]);
  });

  const urlOf = (target: Target) => (target === 'gateway' ? stack.gatewayUrl : `${stack.subgraphUrls[target]}/graphql`);
  const documentOf = (c: BadInputCase) => {
    const body = c.body({} as World);
    return typeof body === 'string' ? body : JSON.stringify(body);
  };

  test.each(BAD_INPUT_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await tableSnapshot(db);
    const response = await postRaw(
      urlOf(c.target),
      c.body(world),
      c.as === 'anonymous' ? undefined : world.tokens[c.as],
    );
    const after = await tableSnapshot(db);
    const written = Object.keys(after).filter((table) => after[table] !== before[table]);
    // A request wrongly accepted may have queued a visit event: let settlement record it before the next case.
    if (written.length) await period(stack, world.tokens.admin, world.networkId, world.month);

    const problems = [
      ...(c.expected.kind === 'refused' ? refusalProblems(response, c.expected) : entityProblems(response)),
      ...leaks(response, Object.values(stack.subgraphUrls)),
      ...written.map((table) => `wrote to ${table}`),
    ];
    expect({ problems, response: problems.length ? response.body : undefined }).toEqual({
      problems: [],
      response: undefined,
    });
  });
});

/** `input.name` is also named `name` (relative to the input object, as class-validator reports it). */
function namesField(actual: unknown, expected: string[]): boolean {
  if (typeof actual !== 'string') return false;
  return expected.some((field) => actual === field || actual === field.replace(/^\w+\./, ''));
}

function refusalProblems(response: RawResponse, expected: { codes: string[]; fields: string[] }): string[] {
  const problems: string[] = [];
  const error = response.body.errors?.[0];
  if (response.status !== 400) problems.push(`HTTP ${response.status}, not 400`);
  if (!error) return [...problems, 'no error'];
  const code = error.extensions?.code;
  if (!expected.codes.includes(code as string))
    problems.push(`code ${String(code)}, not ${expected.codes.join(' or ')}`);
  if (!namesField(error.extensions?.field, expected.fields))
    problems.push(`field ${String(error.extensions?.field)}, not ${expected.fields.join(' or ')}`);
  const answered = Object.entries(response.body.data ?? {}).filter(([, value]) => value !== null);
  if (answered.length) problems.push(`answered ${answered.map(([name]) => name).join(', ')} all the same`);
  return problems;
}

/** A forged representation gets nulls or an error: nothing it carried, nothing the caller may not read. */
function entityProblems(response: RawResponse): string[] {
  const entities = (response.body.data?._entities ?? []) as Array<Record<string, unknown> | null>;
  return entities.flatMap((entity, index) =>
    Object.entries(entity ?? {})
      .filter(([field, value]) => field !== '__typename' && field !== 'id' && value !== null)
      .map(([field, value]) => `_entities[${index}].${field} answered ${JSON.stringify(value)}`),
  );
}

/** What production must never show a client: stack traces, wrapped exceptions, subgraph URLs or bodies. */
function leaks(response: RawResponse, subgraphUrls: string[]): string[] {
  const problems: string[] = [];
  for (const error of response.body.errors ?? []) {
    for (const key of ['stacktrace', 'exception', 'response'])
      if (error.extensions && key in error.extensions) problems.push(`extensions.${key} shown`);
    if (/did you mean/i.test(error.message)) problems.push(`suggests names: ${error.message}`);
  }
  for (const url of subgraphUrls)
    if (response.text.includes(url.replace(/^http:\/\//, ''))) problems.push(`shows ${url}`);
  if (/\n\s+at .+\(.+:\d+:\d+\)/.test(response.text) || /\\n\s+at /.test(response.text))
    problems.push('shows a stack trace');
  return problems;
}
