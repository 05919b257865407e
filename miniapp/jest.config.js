/**
 * jest for the miniapp (see shared/TOOLCHAIN.md "jest for the miniapp"): Taro components as their
 * React wrappers, @tarojs/taro as the H5 implementation (test/taro-shim.ts), NutUI's ES build,
 * the shared contract from source, CSS as stubs. Runs offline in a few seconds.
 */
const swcTs = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2019' }, module: { type: 'commonjs' } }]
const swcJs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript', jsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2019' }, module: { type: 'commonjs' } }]

// Packages shipped as ES modules that jest must compile (everything else in node_modules is CommonJS).
const esmPackages = ['\\.pnpm', '@tarojs', '@nutui', '@linli', '@stencil', 'zod', 'swiper', 'classnames', 'tslib', '@swc', 'lodash-es', 'query-string', 'decode-uri-component', 'split-on-first', 'filter-obj', 'is-mobile', 'resolve-pathname', 'nanoid', 'style-inject']

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup-after-env.ts'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/taro-shim.ts',
    '^@nutui/nutui-react-taro$': '@nutui/nutui-react-taro/dist/es/packages/nutui.react.build.js',
    '^@nutui/nutui-react-taro/dist/.*/style/css$': '<rootDir>/test/style-stub.js',
    '^(lottie-react|lottie-web|@nutui/lottie-miniprogram)$': '<rootDir>/test/style-stub.js',
    '\\.(css|scss|less)$': '<rootDir>/test/style-stub.js',
    '^@linli/shared$': '<rootDir>/../shared/src/index.ts',
    '^@linli/shared/page-paths$': '<rootDir>/../shared/src/page-paths.ts',
    // shared's NodeNext imports end in .js; its sources are .ts.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.tsx?$': swcTs,
    '^.+\\.(m?js|jsx|cjs)$': swcJs,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  // Constants Taro's webpack DefinePlugin provides (H5WebpackPlugin / runtime options).
  globals: {
    DEPRECATED_ADAPTER_COMPONENT: false,
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
  },
}
