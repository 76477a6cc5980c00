import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'games/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A poll passes as soon as its check holds; vitest's 1 s default fails a check that a loaded
    // two-core machine (a server, Chromium and the test sharing it) answers in two.
    expect: { poll: { timeout: 10_000 } },
    // Once per run: the migrated embedded database every embedded test server starts from.
    globalSetup: ['test/global-setup.ts'],
  },
});
