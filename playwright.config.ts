import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'e2e', testMatch: /.*\.spec\.ts/, testIgnore: /(screenshots|soak)\.spec\.ts/ },
    { name: 'screenshots', testMatch: /screenshots\.spec\.ts/ },
    // Run on its own after the suite (`npm test`), so that nothing else shares the machine.
    { name: 'soak', testMatch: /soak\.spec\.ts/ },
  ],
});
