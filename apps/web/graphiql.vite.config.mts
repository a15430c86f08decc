import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));

/**
 * GraphiQL, the development IDE at /graphiql/: React, so built apart from the Preact pages (whose
 * build aliases react to preact/compat), into the same output folder (build.mjs), and left out of
 * the service worker's precache.
 */
export default defineConfig({
  root,
  // React's production build (without it, React's development checks ship to the browser).
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    emptyOutDir: false,
    target: 'es2022',
    assetsInlineLimit: 0,
    // GraphiQL (React and its editor) is one large chunk, loaded by developers only.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: { graphiql: resolve(root, 'graphiql/index.html') },
      // GraphiQL's modules say "use client" (for React server components): meaningless in a plain build.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
});
