// Flat ESLint config: type-aware rules plus the dependency direction of ARCHITECTURE.md / STYLE.md §5.3.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const MODULES = ['annual-report', 'applications', 'appeals', 'calendar', 'catalogue', 'accounts', 'search', 'documents']

/** Domain modules may not reach into the web or CLI layers, nor into another module's internals. */
const moduleBoundaries = MODULES.map((mod) => ({
  files: [`src/${mod}/**/*.ts`, `src/${mod}/**/*.tsx`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['**/web/**', '**/cli/**'], message: 'Domain modules must not import web/ or cli/.' },
          { group: ['fastify', '@fastify/*'], message: 'HTTP belongs in src/web/.' },
          ...MODULES.filter((m) => m !== mod).map((m) => ({
            group: [`**/${m}/*`, `!**/${m}/index.ts`],
            message: `Import ${m} only through its index.ts.`,
          })),
        ],
      },
    ],
  },
}))

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'bench/out/**', '**/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: ['error', 'multi-line'],
      eqeqeq: ['error', 'smart'],
      'no-console': 'error',
    },
  },
  {
    files: ['src/cli/**', 'bench/**', 'e2e/**', 'test/**', 'bin/**', 'eslint.config.js', 'vitest.config.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...moduleBoundaries,
  {
    // Pure rule files: no SQL builder and no storage (only *.queries.ts and operations/ touch the database).
    files: ['src/*/**/*.ts'],
    ignores: ['src/storage/**', 'src/web/**', 'src/cli/**', '**/*.queries.ts', '**/*.table.ts', '**/operations/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['kysely', '**/storage/**'], message: 'Pure domain files must not touch the database.' },
            { group: ['**/web/**', '**/cli/**'], message: 'Domain modules must not import web/ or cli/.' },
          ],
        },
      ],
    },
  },
)
