import { readFileSync } from 'node:fs';
import { composeSupergraph } from '../apps/launcher/src/compose-supergraph';
import { SUPERGRAPH_PATH } from '../apps/gateway/src/supergraph-path';

describe('the committed supergraph', () => {
  it('is what the subgraphs compose to today (else run `npm run compose`)', async () => {
    const committed = readFileSync(SUPERGRAPH_PATH, 'utf8');
    expect(await composeSupergraph()).toBe(committed);
  });
});
