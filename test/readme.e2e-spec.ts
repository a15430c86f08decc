import { spawnSync } from 'node:child_process';
import { readmeShellBlocks, ROOT } from './support/readme';

// The examples themselves run against the demo of the start spec's first `npm start`
// (test/start.e2e-spec.ts), which a new reader's is: one start fewer per run.
describe('the README', () => {
  it('says of every shell block what it prints, or why it is not run here', () => {
    const blocks = readmeShellBlocks();
    expect(blocks.filter((block) => block.prints).length).toBeGreaterThan(0);
    const unmarked = blocks.filter((block) => !block.prints && !block.skipped).map((block) => block.line);
    expect({ unmarked }).toEqual({ unmarked: [] });
  });

  it('points a piped password at PASSERELLE_PASSWORD (npm run statement)', () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.PASSERELLE_PASSWORD;
    const args = [
      'run',
      '--silent',
      'statement',
      '--',
      '--network',
      'toulouse',
      '--month',
      '2026-01',
      '--email',
      'a@b.c',
    ];
    const piped = spawnSync('npm', args, { cwd: ROOT, env, input: 'passerelle-demo\n', encoding: 'utf8' });
    expect({ status: piped.status, stderr: piped.stderr }).toEqual({
      status: 2,
      stderr: expect.stringContaining('PASSERELLE_PASSWORD'),
    });
  });
});
