import { base } from '../shared/eslint.config.js';

export default [
  ...base,
  // The CLI entry points and the benchmark report to the terminal on purpose.
  { files: ['src/main.ts', 'src/database/generate-migration.ts', 'bench/**/*.ts'], rules: { 'no-console': 'off' } },
];
