import { defineConfig } from 'vitest/config';

// Three suites: unit (pure, numbers only), integration (real recordings from ../shared/data,
// ffmpeg, SQLite), e2e (built app through the web bridge in Debian Chromium).
// Two test files at a time in integration and e2e: on 2 cores vitest's default is one (cores - 1),
// and although pose inference fills both cores, a file spends much of its time in ffmpeg, SQLite,
// Chromium and waiting, which a second file fills (integration 976 -> 808 s, e2e on its own 494 ->
// 396 s on this 2-core machine). Files share no state: each has its own lab, server and browser.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 20_000 } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/pose-seeds-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
