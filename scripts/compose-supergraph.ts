/** Writes apps/gateway/supergraph.graphql from the subgraphs' code (run after changing any schema). */
import { writeFileSync } from 'node:fs';
import { composeSupergraph } from '../apps/launcher/src/compose-supergraph';
import { SUPERGRAPH_PATH } from '../apps/gateway/src/supergraph-path';

composeSupergraph()
  .then((sdl) => {
    writeFileSync(SUPERGRAPH_PATH, sdl);
    console.log(`Wrote ${SUPERGRAPH_PATH}`);
  })
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
