/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // lowdb 7, steno and ml-kmeans (with its ml-* dependencies) are ESM-only: ts-jest transforms them into CommonJS too.
  transform: { '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  transformIgnorePatterns: ['/node_modules/(?!(lowdb|steno|jose|ml-kmeans|ml-distance-euclidean|ml-nearest-vector|ml-spectra-processing|ml-matrix|ml-random|is-any-array|ml-array-.*)/)'],
  testTimeout: 30000,
};
