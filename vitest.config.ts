import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Test files share their worker's loaded modules (each still opens a database of its own): importing the app
    // again for each of ~70 files cost more CPU than the tests themselves.
    isolate: false,
    maxWorkers: 2,
  },
});
