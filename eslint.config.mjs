import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import nextPlugin from '@next/eslint-plugin-next'

export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'public/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '.ci/**'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
  {
    // React's hook rules only mean something where React runs; server code has its own use* functions.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Advice for React Compiler, which this project does not enable; TanStack Table is fine without it.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    plugins: { '@next/next': nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The house import direction (STYLE.md): client components never reach into the database or services.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/db/*', '@/db', '@/server/*', '@/app/*'], message: 'components/ and lib/ never import db/, server/ or app/ (STYLE.md): pages hand server actions down as props or context.' }] }],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/server/*', '@/app/*', '@/components/*'], message: 'db/ imports only drizzle and lib/ (STYLE.md).' }] }],
    },
  },
)
