import { join } from 'node:path';

/**
 * The supergraph composed from the subgraphs' code and committed (`npm run compose`): in the gateway's
 * folder, one above this file's, in the sources and in dist/ alike.
 */
export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');
