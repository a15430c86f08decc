import { join } from 'node:path';

/** The supergraph composed from the subgraphs' code and committed (`npm run compose`), beside src/ and in dist/. */
export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');
