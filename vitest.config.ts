import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The browser suite needs Chromium (`npm run test:browser`), the pandas recipe Debian's pandas (`npm run test:pandas`).
    exclude: [...configDefaults.exclude, 'test/browser/**', 'test/python/**'],
    testTimeout: 60_000,
    // Hooks that build or clean up large fixtures (10,000 files) take long on a busy machine.
    hookTimeout: 60_000,
  },
});
