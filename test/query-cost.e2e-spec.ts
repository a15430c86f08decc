import { declaredCostEstimator, declaredFieldCosts, MAX_COMPLEXITY } from '@passerelle/graphql';
import { buildSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_PATH } from '../apps/gateway/src/supergraph-path';

// The weights of the committed supergraph, as the gateway reads them: a handful of QR images fit in
// one request, every pass of a holder drawn at once does not.
const sdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
const schema = buildSchema(sdl);
const estimator = declaredCostEstimator(declaredFieldCosts(sdl));
const cost = (query: string) => getComplexity({ schema, query: parse(query), estimators: [estimator] });
const images = (n: number, fields: string) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: pass(id: "p${i}") { qr { ${fields} } }`).join(' ')} }`;

describe('the cost of QR images', () => {
  it('lets about ten images through', () => {
    expect(cost(images(10, 'pngDataUrl'))).toBeLessThanOrEqual(MAX_COMPLEXITY);
    expect(cost(images(8, 'svg pngDataUrl'))).toBeLessThanOrEqual(MAX_COMPLEXITY);
    expect(cost(images(30, 'svg'))).toBeLessThanOrEqual(MAX_COMPLEXITY);
  });

  it('refuses more', () => {
    expect(cost(images(12, 'pngDataUrl'))).toBeGreaterThan(MAX_COMPLEXITY);
    expect(cost(images(10, 'svg pngDataUrl'))).toBeGreaterThan(MAX_COMPLEXITY);
  });

  it('counts myPasses as a hundred passes', () => {
    expect(cost('{ myPasses { qr { svg } } }')).toBeGreaterThan(MAX_COMPLEXITY);
    expect(cost('{ myPasses { serial qr { token expiresAt } } }')).toBeLessThanOrEqual(MAX_COMPLEXITY);
  });
});
