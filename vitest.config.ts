// One vitest run for the whole workspace. The global setup finds real Kafka,
// MongoDB-protocol and SMTP servers (env → Docker → local stack) and hands
// their addresses to every test file through `inject('infra')`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'services/*/src/**/*.test.ts',
      'infra/src/**/*.test.ts',
    ],
    globalSetup: ['packages/testing/src/global-setup.ts'],
    pool: 'forks',
    // On CI a JSON report too, from which .ci/run prints the plain "N passed, N failed" line.
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: '.lianxin/vitest-report.json' }]]
      : ['default'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    benchmark: {
      include: ['packages/*/src/**/*.bench.ts', 'services/*/src/**/*.bench.ts'],
    },
  },
});
