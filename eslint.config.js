// Lint rules for the whole workspace: typescript-eslint's strict, type-aware set.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.lianxin/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // mongoose types each schema path as a class (SchemaTypeOptions) but is designed to take
      // plain object literals there; the rule would flag every schema definition.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
);
