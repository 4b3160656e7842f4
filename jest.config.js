const { availableParallelism } = require('node:os');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // lowdb 7, steno and ml-kmeans (with its ml-* dependencies) are ESM-only: the esbuild transformer turns them into CommonJS too.
  transform: { '^.+\\.[tj]sx?$': '<rootDir>/test/support/esbuildTransformer.cjs' },
  transformIgnorePatterns: ['/node_modules/(?!(lowdb|steno|jose|ml-kmeans|ml-distance-euclidean|ml-nearest-vector|ml-spectra-processing|ml-matrix|ml-random|is-any-array|ml-array-.*)/)'],
  // Generous: two workers share the cores with the servers, browsers and PostgreSQL they start (speed is never asserted).
  testTimeout: 120000,
  // One throwaway PostgreSQL server for the run; each suite gets its own databases on it (test/support/postgres.ts).
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  // The intent model trained once per run, not at every bot start (test/support/runModelCache.ts).
  setupFiles: ['<rootDir>/test/support/setupModelCache.ts'],
  // One worker more than the cores, not jest's cores - 1: most suites spend much of their time waiting on servers,
  // browsers and PostgreSQL. On 2 cores, warm caches: 2 workers about 364 s, 3 workers 326 s, 4 workers 299 s; but
  // from a fresh clone (CI, cold transform cache) 3 workers took 301-320 s (three runs) and 4 workers 323 s: noise.
  maxWorkers: availableParallelism() + 1,
};
