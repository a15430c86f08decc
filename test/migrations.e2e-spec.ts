import { pendingSchemaChanges } from '@passerelle/database';
import { cloneTestDatabase, TestDatabase } from '@passerelle/testing';
import { subgraphDatabases } from '../apps/launcher/src/subgraph-databases';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await cloneTestDatabase();
  });
  afterAll(() => database.drop());

  it.each(Object.keys(subgraphDatabases))('leave nothing for the %s entities to change (no drift)', async (name) => {
    const describe = subgraphDatabases[name as keyof typeof subgraphDatabases];
    expect(await pendingSchemaChanges(describe(database.url))).toEqual([]);
  });
});
