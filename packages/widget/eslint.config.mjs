import globals from 'globals';
import root from '../../eslint.config.mjs';

export default [
  ...root,
  { ignores: ['demo/**'] },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*.spec.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
];
