import { buildSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { declaredCostEstimator, declaredFieldCosts } from './query-cost';

const SDL = `
  directive @cost(weight: Int!) on FIELD_DEFINITION
  directive @listSize(assumedSize: Int) on FIELD_DEFINITION
  type Image { small: String! @cost(weight: 100) }
  type Item { id: ID! image: Image! }
  type Query { all: [Item!]! @listSize(assumedSize: 20) page(first: Int = 5): [Item!]! one: Item }
`;

const cost = (query: string, source: 'schema' | 'sdl' = 'schema') => {
  const schema = buildSchema(SDL);
  const costs = declaredFieldCosts(source === 'schema' ? schema : SDL);
  return getComplexity({ schema, query: parse(query), estimators: [declaredCostEstimator(costs)] });
};

describe('declared query cost', () => {
  it('counts a plain field as 1 and a field with @cost as its weight', () => {
    expect(cost('{ one { id } }')).toBe(2);
    expect(cost('{ one { image { small } } }')).toBe(1 + 1 + 100);
  });

  it('multiplies a list by its page size, else by its assumed size', () => {
    expect(cost('{ page(first: 3) { id } }')).toBe(1 + 3);
    expect(cost('{ page { id } }')).toBe(1 + 5);
    expect(cost('{ all { image { small } } }')).toBe(1 + 20 * (1 + 100));
  });

  it('reads the same costs from SDL as from a built schema', () => {
    expect(cost('{ all { image { small } } }', 'sdl')).toBe(cost('{ all { image { small } } }'));
  });
});
