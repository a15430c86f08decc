import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { launch, Launcher } from './support/launcher';

// npm start (PostgreSQL, the servers, the demo), then every example in turn: slow on a busy machine.
jest.setTimeout(180_000);

const ROOT = join(__dirname, '..');

/**
 * A shell block of the README, with the marker on the line before it: `<!-- readme-test: prints TEXT -->`
 * (run, and its output must contain TEXT) or `<!-- readme-test: skip, WHY -->` (not run here, and why).
 */
interface ShellBlock {
  line: number;
  script: string;
  prints?: string;
  skipped?: string;
}

function shellBlocks(markdown: string): ShellBlock[] {
  const blocks: ShellBlock[] = [];
  for (const match of markdown.matchAll(/^```(sh|bash|shell|console)\n([\s\S]*?)^```$/gm)) {
    const before = markdown.slice(0, match.index).trimEnd();
    const marker = /<!-- readme-test: (?:prints (?<prints>.+?)|skip, (?<skipped>.+?)) -->$/.exec(before)?.groups;
    blocks.push({
      line: before.split('\n').length + 1,
      script: match[2],
      prints: marker?.prints,
      skipped: marker?.skipped,
    });
  }
  return blocks;
}

/** The `NAME=value` lines npm start prints for a reader to paste before the examples. */
function pastedLines(output: string): string {
  const section = /For the README's shell examples, paste these lines first:\n((?: {2}\S.*\n)+)/.exec(output);
  if (!section) throw new Error(`npm start printed no lines for the README's examples:\n${output}`);
  return section[1].replace(/^ {2}/gm, '');
}

describe('the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = shellBlocks(readme);

  it('says of every shell block what it prints, or why it is not run here', () => {
    expect(blocks.filter((block) => !block.skipped).length).toBeGreaterThan(0);
    const unmarked = blocks.filter((block) => !block.prints && !block.skipped).map((block) => block.line);
    expect({ unmarked }).toEqual({ unmarked: [] });
  });

  describe("examples, pasted into a shell as written, against npm start's demo", () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-readme-'));
    const filesBefore = readdirSync(ROOT);
    let launcher: Launcher;
    beforeAll(async () => {
      launcher = launch({ DATA_DIR: dataDir, PORT: '0' });
      await launcher.waitFor(/Ready in [\d.]+ s/);
    });
    afterAll(async () => {
      if (launcher.child.exitCode === null) launcher.child.kill('SIGTERM');
      await launcher.exited;
      rmSync(dataDir, { recursive: true, force: true });
      // What the examples wrote into the checkout (the statement's CSV).
      for (const file of readdirSync(ROOT)) if (!filesBefore.includes(file)) rmSync(join(ROOT, file), { force: true });
    });

    it('each print what the README says, one after the other in one shell, as a reader runs them', async () => {
      const run = blocks.filter((block) => block.prints);
      // One shell for all, as a reader's terminal: a block may use what an earlier one set.
      const script = [
        'set -euo pipefail',
        pastedLines(launcher.output()),
        ...run.map((block, index) => `echo '<<readme block ${index}>>'\n${block.script}`),
      ].join('\n');
      const { stdout } = await promisify(execFile)('bash', ['-c', script], { cwd: ROOT }).catch(
        (error: Error & { stdout?: string; stderr?: string }) => {
          throw new Error(`A README block failed: ${error.message}\n${error.stdout}\n${error.stderr}`);
        },
      );
      const outputs = stdout.split(/^<<readme block \d+>>$/m).slice(1);
      expect(outputs).toHaveLength(run.length);
      for (const [index, block] of run.entries())
        expect({ line: block.line, output: outputs[index] }).toEqual({
          line: block.line,
          output: expect.stringContaining(block.prints!),
        });
    });
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
