import { dataOf, postGraphQL } from '@passerelle/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `npm start` as a new user runs it: its own PostgreSQL in DATA_DIR, the demo, a clean stop. */
interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function npmStart(env: Record<string, string>): Promise<Started> {
  const child = spawn('npm', ['start'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready in [\d.]+ s/.test(output)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`)));
  });
  return { child, output: () => output, exited };
}

function gatewayUrlIn(output: string): string {
  const url = /GraphQL at (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(output)?.[1];
  if (!url) throw new Error(`No gateway URL in the output:\n${output}`);
  return url;
}

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on an empty machine with a demo, stops cleanly, and restarts on the same data', async () => {
    // Port 0: the system picks free ports as each server listens, so parallel test files never collide.
    const env = { DATA_DIR: dataDir, PORT: '0' };

    const first = await npmStart(env);
    expect(first.output()).toMatch(/Created a new database/);
    const url = gatewayUrlIn(first.output());
    expect(first.output()).toMatch(/admin@toulouse\.demo\s+passerelle-demo/);
    const health = await fetch(url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
    first.child.kill('SIGTERM');
    // With the output, so that a failed stop says why.
    expect({ exitCode: await first.exited, output: first.output() }).toMatchObject({ exitCode: 0 });
    expect(first.output()).toMatch(/Stopped\./);

    const second = await npmStart(env);
    try {
      expect(second.output()).toMatch(/Reusing the existing database/);
      expect(second.output()).not.toMatch(/Seeding/);
      const login = await postGraphQL<{ logIn: { user: { email: string } } }>(
        gatewayUrlIn(second.output()),
        'mutation { logIn(input: { email: "admin@toulouse.demo", password: "passerelle-demo" }) { user { email } } }',
      );
      expect(dataOf(login).logIn.user.email).toBe('admin@toulouse.demo');
    } finally {
      second.child.kill('SIGTERM');
      expect({ exitCode: await second.exited, output: second.output() }).toMatchObject({ exitCode: 0 });
    }
    // Each `npm start` builds first, the web app included (Vite): two builds on a busy machine.
  }, 180_000);
});
