import type { EmbeddedDatabase } from '@passerelle/database';
import { TEST_ADMIN_URL_ENV, TEST_TEMPLATE_ENV, withAdmin } from '@passerelle/testing';
import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const stacks = ((globalThis as Record<string, unknown>).__passerelleStacks ?? []) as Array<{
    close(): Promise<void>;
  }>;
  await Promise.all(stacks.map((stack) => stack.close()));
  const state = (globalThis as Record<string, unknown>).__passerelleEmbedded as
    { embedded: EmbeddedDatabase; dataDir: string } | undefined;
  if (state) {
    await state.embedded.stop();
    rmSync(state.dataDir, { recursive: true, force: true });
    return;
  }
  const adminUrl = process.env[TEST_ADMIN_URL_ENV];
  const template = process.env[TEST_TEMPLATE_ENV];
  if (adminUrl && template) {
    await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
  }
}
