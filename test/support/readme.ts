import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = join(__dirname, '..', '..');

/**
 * A shell block of the README, with the marker on the line before it: `<!-- readme-test: prints TEXT -->`
 * (run, and its output must contain TEXT) or `<!-- readme-test: skip, WHY -->` (not run here, and why).
 */
export interface ShellBlock {
  line: number;
  script: string;
  prints?: string;
  skipped?: string;
}

export function readmeShellBlocks(): ShellBlock[] {
  const markdown = readFileSync(join(ROOT, 'README.md'), 'utf8');
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

/**
 * Runs the README's examples as a reader does: the lines npm start printed pasted first, then every
 * block in turn in one shell (a block may use what an earlier one set), from the checkout. Returns
 * each block with its output; whatever the examples wrote into the checkout (a CSV) is removed.
 */
export async function runReadmeExamples(startOutput: string): Promise<Array<{ block: ShellBlock; output: string }>> {
  const run = readmeShellBlocks().filter((block) => block.prints);
  const script = [
    'set -euo pipefail',
    pastedLines(startOutput),
    ...run.map((block, index) => `echo '<<readme block ${index}>>'\n${block.script}`),
  ].join('\n');
  const filesBefore = readdirSync(ROOT);
  try {
    const { stdout } = await promisify(execFile)('bash', ['-c', script], { cwd: ROOT }).catch(
      (error: Error & { stdout?: string; stderr?: string }) => {
        throw new Error(`A README block failed: ${error.message}\n${error.stdout}\n${error.stderr}`);
      },
    );
    const outputs = stdout.split(/^<<readme block \d+>>$/m).slice(1);
    if (outputs.length !== run.length) throw new Error(`${run.length} README blocks, ${outputs.length} outputs`);
    return run.map((block, index) => ({ block, output: outputs[index] }));
  } finally {
    for (const file of readdirSync(ROOT)) if (!filesBefore.includes(file)) rmSync(join(ROOT, file), { force: true });
  }
}
