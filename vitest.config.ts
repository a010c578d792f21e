import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// Three projects (STYLE.md §5.6): pure unit tests, then the same database test files (`*.db.test.ts`) run once
// on SQLite and once on PostgreSQL. Browser tests (`e2e/`) run in their own project and skip without Chromium.
const dbFiles = ['src/**/*.db.test.ts', 'src/**/*.db.test.tsx']
// The database projects keep a worker's modules from one file to the next too (each file still gets its own
// fresh database); the setup file clears what the application keeps per process (render cache, view counts).
const dbFileSetup = { isolate: false, setupFiles: ['test/reset-process-state.ts'] }

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    // Generous limits: the suite shares two cores with PostgreSQL and Chromium, and a timeout is not a
    // speed check (speed is measured in bench/). A hung test still fails.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    allowOnly: !process.env.CI,
    passWithNoTests: false,
    // vitest's default (cores − 1) runs one file at a time on a 2-core machine, while many files spend their
    // time waiting on PostgreSQL, child processes or Chromium.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bin/**/*.test.ts'],
          exclude: dbFiles,
          // A worker keeps its imported modules from one file to the next: importing the application's module
          // graph anew for every file was most of the suite's time. Test files build their own state.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'db-sqlite',
          include: dbFiles,
          env: { GONGKAI_TEST_DB: 'sqlite' },
          globalSetup: ['test/global-setup.ts'],
          ...dbFileSetup,
        },
      },
      {
        extends: true,
        test: {
          name: 'db-postgres',
          include: dbFiles,
          env: { GONGKAI_TEST_DB: 'postgres' },
          globalSetup: ['test/global-setup.ts'],
          ...dbFileSetup,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
