import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The workspace's lint rules; server/ and e2e/ extend this file. Type errors are tsc's job (`typecheck`). */
export const base = tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  // Config files run in Node.
  { files: ['**/*.js'], languageOptions: { globals: { process: 'readonly' } } },
);

export default base;
