import type { ComplexityEstimator } from 'graphql-query-complexity';
import { DefinitionNode, FieldDefinitionNode, GraphQLSchema, Kind, parse } from 'graphql';

/** What a subgraph declares of a field's cost with Federation's `@cost(weight:)` and `@listSize(assumedSize:)`. */
export type FieldCosts = ReadonlyMap<string, { weight?: number; assumedSize?: number }>;

/**
 * The declared costs, read from SDL: a subgraph's own schema, or the supergraph, into which the
 * directives compose (the gateway's API schema drops them). So the gateway and each subgraph
 * estimate a query the same.
 */
export function declaredFieldCosts(source: GraphQLSchema | string): FieldCosts {
  const definitions: readonly DefinitionNode[] =
    typeof source === 'string'
      ? parse(source).definitions
      : Object.values(source.getTypeMap()).flatMap((type) => [type.astNode ?? [], type.extensionASTNodes ?? []].flat());
  const costs = new Map<string, { weight?: number; assumedSize?: number }>();
  for (const definition of definitions) {
    if (!('fields' in definition) || !definition.fields || !('name' in definition) || !definition.name) continue;
    for (const field of definition.fields) {
      if (field.kind !== Kind.FIELD_DEFINITION) continue;
      const weight = directiveInt(field, 'cost', 'weight');
      const assumedSize = directiveInt(field, 'listSize', 'assumedSize');
      if (weight !== undefined || assumedSize !== undefined) {
        costs.set(`${definition.name.value}.${field.name.value}`, { weight, assumedSize });
      }
    }
  }
  return costs;
}

/**
 * A field costs its weight (1 unless declared) plus its children times the size of the list it
 * returns: the page asked for (`first`), else its assumed size, else 1.
 */
export function declaredCostEstimator(costs: FieldCosts): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const declared = costs.get(`${type.name}.${field.name}`);
    const size = typeof args.first === 'number' ? Math.max(args.first, 1) : (declared?.assumedSize ?? 1);
    return (declared?.weight ?? 1) + childComplexity * size;
  };
}

function directiveInt(field: FieldDefinitionNode, directive: string, argument: string): number | undefined {
  const found = field.directives?.find((d) => d.name.value === directive);
  const value = found?.arguments?.find((a) => a.name.value === argument)?.value;
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}
