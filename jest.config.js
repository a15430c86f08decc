const { readFileSync } = require('node:fs');
const { join } = require('node:path');

// One run for everything: pure unit specs next to the code, end-to-end specs under test/ against a
// real PostgreSQL that global setup starts (embedded) or finds in TEST_DATABASE_URL.
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
      // Aliases (the build's, from .swcrc) are rewritten at compile time, so global setup (outside jest's
      // resolver) sees them too.
      baseUrl: __dirname,
      paths: JSON.parse(readFileSync(join(__dirname, '.swcrc'), 'utf8')).jsc.paths,
    },
    module: { type: 'commonjs' },
  },
];

// The browser journeys (test/web.e2e-spec.ts) drive a real Chromium; without one they are left out, and said so.
const { findChromium } = require('./test/browser/find-chromium');
const chromium = findChromium();
if (!chromium)
  console.warn(
    "No Chromium found (CHROME_PATH, /usr/bin/chromium or Playwright's cache): the browser journeys in test/web.e2e-spec.ts do not run. Install one with `apt-get install -y chromium`.",
  );

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(chromium ? [] : ['<rootDir>/test/web.e2e-spec.ts'])],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // NestJS 12 and Apollo Server 5 ship ES modules: compile them to CommonJS like our own code.
  // So does @fastify/static's content-disposition (Node itself loads it with require(esm), jest does not).
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@apollo/server|@as-integrations|@fastify/static/node_modules/content-disposition|content-disposition)/)',
  ],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 60000,
};
