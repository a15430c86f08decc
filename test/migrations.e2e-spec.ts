import { pendingSchemaChanges, runMigrations } from '@passerelle/database';
import { cloneTestDatabase, databaseUrl, TEST_ADMIN_URL_ENV, TestDatabase, withAdmin } from '@passerelle/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { accountsDatabase } from '../apps/accounts/src/accounts.database';
import { SUBGRAPHS } from '../apps/launcher/src/subgraphs';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await cloneTestDatabase();
  });
  afterAll(() => database.drop());

  it.each(SUBGRAPHS.map((subgraph) => [subgraph.name, subgraph] as const))(
    'leave nothing for the %s entities to change (no drift)',
    async (_name, subgraph) => {
      expect(await pendingSchemaChanges(subgraph.database(database.url))).toEqual([]);
    },
  );

  it('treats the accounts of a database from before verification as verified, and invitations as not', async () => {
    const adminUrl = process.env[TEST_ADMIN_URL_ENV]!;
    const name = `passerelle_old_${randomBytes(4).toString('hex')}`;
    await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = databaseUrl(adminUrl, name);
    try {
      const current = accountsDatabase(url);
      const before = current.migrations.findIndex((m) =>
        (m as { name: string }).name.startsWith('VerifiedEmailAndMail'),
      );
      await runMigrations({ ...current, migrations: current.migrations.slice(0, before) });
      const client = new Client(url);
      await client.connect();
      try {
        await client.query(
          `INSERT INTO accounts.users (email, display_name, password_hash, claimed_at)
           VALUES ('old@example.org', 'Old', 'scrypt$hash', now()), ('invited@example.org', 'Invited member', NULL, NULL)`,
        );
        await runMigrations(current);
        const { rows } = await client.query(
          `SELECT email, email_verified_at IS NOT NULL AS verified, locale FROM accounts.users ORDER BY email`,
        );
        expect(rows).toEqual([
          { email: 'invited@example.org', verified: false, locale: 'fr' },
          { email: 'old@example.org', verified: true, locale: 'fr' },
        ]);
      } finally {
        await client.end();
      }
    } finally {
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  });
});
