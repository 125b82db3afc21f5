import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '.infra/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    // kafkajs is pinned and unmaintained: only our thin interface may import it.
    files: ['**/*.ts'],
    ignores: ['packages/kafka-client/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'kafkajs', message: 'use @threadline/kafka-client' }] },
      ],
    },
  },
  {
    // STYLE.md: the domain is pure; dependencies point inwards.
    files: ['apps/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'kafkajs', message: 'the domain does no I/O' },
            { name: 'mongoose', message: 'the domain does no I/O' },
            { name: '@threadline/kafka-client', message: 'the domain does no I/O' },
            { name: '@threadline/service-kit', message: 'the domain knows no framework' },
            {
              name: '@threadline/contracts',
              message: 'the domain has its own events; codecs map them',
            },
          ],
          patterns: [{ group: ['@nestjs/*'], message: 'the domain knows no framework' }],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
