/**
 * Every subgraph, by the name it has in the supergraph, in the order they start (a subgraph may read
 * at start the URL of one before it) and take the ports after the gateway's. Adding a subgraph starts
 * here; each one's environment variables (`<NAME>_PORT`, `<NAME>_URL`) follow from its name.
 */
export const SUBGRAPH_NAMES = ['accounts', 'network', 'settlement'] as const;

export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
