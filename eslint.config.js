// Flat ESLint config: type-aware rules plus the dependency direction of ARCHITECTURE.md / STYLE.md §5.3.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const MODULES = ['annual-report', 'applications', 'appeals', 'calendar', 'catalogue', 'accounts', 'search', 'documents']

/** Public surfaces other modules may import: each module's index.ts, plus the report formats (shared data). */
const PUBLIC_SURFACES = { 'annual-report': ['index.ts', 'formats/index.ts'] }

/** Import patterns a domain module may not use: web/, cli/, HTTP packages and other modules' internals. */
function boundaryPatterns(mod) {
  return [
    { group: ['**/web/**', '**/cli/**'], message: 'Domain modules must not import web/ or cli/.' },
    { group: ['fastify', '@fastify/*'], message: 'HTTP belongs in src/web/.' },
    ...MODULES.filter((m) => m !== mod).map((m) => {
      const allowed = (PUBLIC_SURFACES[m] ?? ['index.ts']).map((f) => f.replace(/[.]/g, '\\.')).join('|')
      return {
        regex: `(^|/)${m}/(?!(${allowed})$)`,
        message: `Import ${m} only through its index.ts.`,
      }
    }),
  ]
}

/** Pure rule files additionally may not touch the database (only *.queries.ts, *.table.ts and operations/ do). */
const PURE_PATTERNS = [{ group: ['kysely', '**/storage/**'], message: 'Pure domain files must not touch the database.' }]
const IMPURE_FILES = ['**/*.queries.ts', '**/*.table.ts', '**/operations/**', '**/*.test.ts', '**/*.test.tsx']

// Flat config: a later block's rule replaces an earlier one, so the pure-file block repeats the boundaries.
const moduleBoundaries = MODULES.flatMap((mod) => [
  {
    files: [`src/${mod}/**/*.ts`, `src/${mod}/**/*.tsx`],
    rules: { 'no-restricted-imports': ['error', { patterns: boundaryPatterns(mod) }] },
  },
  {
    files: [`src/${mod}/**/*.ts`, `src/${mod}/**/*.tsx`],
    ignores: IMPURE_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: [...boundaryPatterns(mod), ...PURE_PATTERNS] }] },
  },
])

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', '.scratch/**', 'coverage/**', 'bench/out/**', '**/fixtures/**'] },
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
    files: ['src/cli/**', 'bench/**', 'e2e/**', 'test/**', 'bin/**', 'scripts/**', 'eslint.config.js', 'vitest.config.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Plain Node scripts: Node's globals (the TypeScript files get them from @types/node).
    files: ['bin/**/*.js', 'scripts/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  ...moduleBoundaries,
)
