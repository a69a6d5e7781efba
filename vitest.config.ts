import { defineConfig } from 'vitest/config';

// @note Projects follow the test pyramid. Pact needs serial files (the forks pool silently
// loses interactions, see shared/fidelity/pact-notes.md §8), and consumer pacts must be
// written before provider verification reads them, so contracts run as two projects that
// `npm test` orders through vitest's `sequence.groupOrder`.
export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', 'json', 'junit'] : ['default'],
    outputFile: { json: 'reports/vitest.json', junit: 'reports/junit.xml' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/regressions/**/*.test.ts'],
          // @note These read contracts/pacts, which the consumer project's globalSetup wipes
          // before any project runs: they belong after the consumer tests rewrite the pacts.
          exclude: ['test/integration/contracts/**'],
          env: { PACT_DO_NOT_TRACK: 'true', LOG_LEVEL: 'warn' },
          testTimeout: 30_000,
          hookTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // @note `callrig verify` reads contracts/pacts: run after the consumer project rewrote them.
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'contracts-consumer',
          include: ['contracts/**/*.pact.test.ts'],
          globalSetup: ['contracts/wipe-pacts.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          env: { PACT_DO_NOT_TRACK: 'true', LOG_LEVEL: 'warn' },
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'contracts-provider',
          include: ['contracts/**/*.verify.test.ts', 'test/integration/contracts/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          env: { PACT_DO_NOT_TRACK: 'true', LOG_LEVEL: 'warn' },
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
