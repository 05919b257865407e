/**
 * Browser journeys in Debian's Chromium against the real server serving the real H5 build.
 * Embedded SQLite by default; DATABASE_URL=mysql://… runs them on a fresh MySQL database.
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@linli/shared$': '<rootDir>/../shared/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }] },
  testMatch: ['<rootDir>/tests/**/*.e2e.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};
