import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'games/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at once even on two cores (vitest's default there is one): the browser and
    // server tests spend much of their time waiting on pages, timers and child processes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Once per run: the migrated embedded database every embedded test server starts from.
    globalSetup: ['test/global-setup.ts'],
  },
});
