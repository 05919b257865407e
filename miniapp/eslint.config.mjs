import { base } from '../shared/eslint.config.js'

export default [
  ...base,
  { ignores: ['dist/**', '.swc/**'] },
  // The package-size check reports to the terminal on purpose.
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
  // Build and test configuration is CommonJS run by Node.
  {
    files: ['babel.config.js', 'jest.config.js', 'test/style-stub.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
]
