import { pendingSchemaChanges } from '@passerelle/database';
import { cloneTestDatabase, TestDatabase } from '@passerelle/testing';
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
});
