// Builds the web app into a fresh folder and swaps it in for dist/web whole, so that a server
// already running from dist/web (another `npm start`) never sees it half written or emptied.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', '..', 'dist');
const target = join(dist, 'web');
mkdirSync(dist, { recursive: true });
const fresh = mkdtempSync(join(dist, 'web-'));
try {
  await build({ configFile: join(here, 'vite.config.mts'), build: { outDir: fresh }, logLevel: 'warn' });
  await build({ configFile: join(here, 'graphiql.vite.config.mts'), build: { outDir: fresh }, logLevel: 'warn' });
  chmodSync(fresh, 0o755);
  const old = `${fresh}-old`;
  if (existsSync(target)) renameSync(target, old);
  try {
    renameSync(fresh, target);
  } catch (error) {
    // Another build swapped its own in meanwhile: the same sources, so the same files.
    if (!existsSync(target)) throw error;
  }
  rmSync(old, { recursive: true, force: true });
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
