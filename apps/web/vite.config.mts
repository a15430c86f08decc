import preact from '@preact/preset-vite';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = dirname(fileURLToPath(import.meta.url));

/**
 * Four pages, one build: the landing page, the wallet, the front desk and the console, each its own
 * entry so that a phone opening the wallet loads none of the desk's scanner or the console. The
 * service worker precaches them all: the wallet and the desk must open with no network.
 */
// `npx vite --config apps/web/vite.config.mts` serves the sources with live reload, the API from `npm start`.
const api = process.env.PASSERELLE_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root,
  server: { proxy: { '/graphql': api, '/.well-known': api } },
  // The output folder is chosen by build.mjs (a fresh one, swapped in whole).
  build: {
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: {
        landing: resolve(root, 'index.html'),
        wallet: resolve(root, 'wallet/index.html'),
        desk: resolve(root, 'desk/index.html'),
        console: resolve(root, 'console/index.html'),
      },
    },
  },
  plugins: [
    preact(),
    VitePWA({
      // Each page registers it itself (src/shared/offline.ts); the manifests are per app, in public/.
      injectRegister: null,
      manifest: false,
      registerType: 'autoUpdate',
      workbox: {
        globPatterns: ['**/*.{html,js,css,svg,png,wasm,webmanifest}'],
        // The QR decoder's wasm is over 1 MB; the desk must have it offline.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        navigateFallback: null,
        // /desk/?lang=en is the precached /desk/index.html whatever its query.
        ignoreURLParametersMatching: [/.*/],
        cleanupOutdatedCaches: true,
        // The API is never cached by the service worker: the desk keeps its own offline state.
        navigateFallbackDenylist: [/^\/graphql/, /^\/\.well-known/, /^\/health/],
      },
    }),
  ],
});
