// One vitest run for the whole workspace. The global setup finds real Kafka,
// MongoDB-protocol and SMTP servers (env → Docker → local stack) and hands
// their addresses to every test file through `inject('infra')`.
import { defineConfig } from 'vitest/config';

const ALL = [
  'packages/*/src/**/*.test.ts',
  'services/*/src/**/*.test.ts',
  // Pure rules of the console's web app (no browser).
  'services/console/web/src/**/*.test.ts',
  'infra/src/**/*.test.ts',
  'bench/src/**/*.test.ts',
];
// Concurrency drills that load the one shared database for minutes: they run after everything
// else, on their own, so they neither starve other files nor are starved by them.
const DRILLS = [
  'services/outreach/src/registrations/burst.test.ts',
  'services/outreach/src/registrations/crash-drill.test.ts',
  // Minutes on FerretDB: 300 emails through two notifier processes.
  'services/notifier/src/deliveries/two-processes.test.ts',
  // 1,000 registrations → 1,800 emails through one notifier, counted at a private SMTP server.
  'services/notifier/src/registrations/burst.test.ts',
];

// Real-browser tests (playwright-core driving Debian's chromium) of the console's web app.
const BROWSER = ['services/console/web/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['packages/testing/src/global-setup.ts'],
    pool: 'forks',
    // On CI a JSON report too, from which .ci/run prints the plain "N passed, N failed" line.
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: '.lianxin/vitest-report.json' }]]
      : ['default'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'suite', include: ALL, exclude: DRILLS, sequence: { groupOrder: 0 } },
      },
      { extends: true, test: { name: 'drills', include: DRILLS, sequence: { groupOrder: 1 } } },
      // The console in a real chromium: last, so neither the suite nor the drills skew its timings.
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER,
          sequence: { groupOrder: 2 },
          // A page waits on the real services: vitest's 1-s default for expect.poll failed the
          // officer's attendance count under load (2 of 3 shown after 1 s, 3 soon after).
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
    benchmark: {
      include: ['packages/*/src/**/*.bench.ts', 'services/*/src/**/*.bench.ts'],
    },
  },
});
