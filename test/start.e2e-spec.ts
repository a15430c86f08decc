import { dataOf, postGraphQL } from '@passerelle/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOG_IN } from './support/documents';
import { gatewayUrlIn, launch } from './support/launcher';
import { runReadmeExamples } from './support/readme';

// Two starts, each with PostgreSQL, the servers and (the first) the demo: slow on a busy machine.
jest.setTimeout(180_000);

/**
 * `npm start` as a new user runs it: its own PostgreSQL in DATA_DIR, the demo, the README's examples
 * pasted into a shell as written, a clean stop.
 */
describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Two cold starts, each with PostgreSQL, every migration and (the first) the demo's sign-ups and verifications.
  it('starts on an empty machine with a demo the README examples run against, stops cleanly, and restarts on the same data', async () => {
    // Port 0: the system picks free ports as each server listens, so parallel test files never collide.
    const env = { DATA_DIR: dataDir, PORT: '0' };

    const first = launch(env);
    const url = gatewayUrlIn(await first.waitFor(/Ready in [\d.]+ s/));
    expect(first.output()).toMatch(/Created a new database/);
    expect(first.output()).toMatch(/admin@toulouse\.demo\s+passerelle-demo/);
    const health = await fetch(url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
    for (const { block, output } of await runReadmeExamples(first.output()))
      expect({ line: block.line, output }).toEqual({
        line: block.line,
        output: expect.stringContaining(block.prints!),
      });
    first.child.kill('SIGTERM');
    // With the output, so that a failed stop says why.
    expect({ exitCode: await first.exited, output: first.output() }).toMatchObject({ exitCode: 0 });
    expect(first.output()).toMatch(/Stopped\./);

    const second = launch(env);
    try {
      await second.waitFor(/Ready in [\d.]+ s/);
      expect(second.output()).toMatch(/Reusing the existing database/);
      expect(second.output()).not.toMatch(/Seeding/);
      const login = await postGraphQL<{ logIn: { user: { email: string } } }>(gatewayUrlIn(second.output()), LOG_IN, {
        input: { email: 'admin@toulouse.demo', password: 'passerelle-demo' },
      });
      expect(dataOf(login).logIn.user.email).toBe('admin@toulouse.demo');
    } finally {
      second.child.kill('SIGTERM');
      expect({ exitCode: await second.exited, output: second.output() }).toMatchObject({ exitCode: 0 });
    }
  }, 180_000);
});
