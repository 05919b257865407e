/**
 * One suite, two databases: TEST_DATABASE=mysql runs the integration tests on MySQL (see test/db.ts),
 * otherwise each test app gets its own SQLite file.
 * @type {import('jest').Config}
 */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@linli/shared$': '<rootDir>/../shared/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'es6' },
      },
    ],
    'content-disposition/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
    // sanitize-html require()s htmlparser2 12, which (with its dom* and entities packages) ships only ESM.
    '/(htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities)/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  // content-disposition ships only ESM but is require()d by @fastify/static (used by the H5 and docs routes):
  // jest's CommonJS loader cannot require ESM, so they are compiled to CommonJS.
  transformIgnorePatterns: [
    '/node_modules/(?!\\.pnpm/(content-disposition|htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities)@|(content-disposition|htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities)/)',
  ],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // *.mysql.spec.ts need a MySQL server: they belong to the MySQL suite, not the embedded default.
  testPathIgnorePatterns: process.env.TEST_DATABASE === 'mysql' ? ['/node_modules/'] : ['/node_modules/', '\\.mysql\\.spec\\.ts$'],
  // Generous: each test app migrates a fresh database, which on MySQL on a busy shared CI machine can take most of a minute.
  // Speed is measured by `pnpm bench`, never by these limits.
  testTimeout: 120_000,
  maxWorkers: 2,
  // Every suite boots a Nest app in Jest's ESM VM contexts, which Node never fully frees: a process running all of
  // them grows until it dies (the MySQL suite, one file at a time, ran out of heap at ~60 files). A worker past this
  // is replaced between files; with a limit set Jest always uses workers, even for one.
  workerIdleMemoryLimit: '1GB',
};
