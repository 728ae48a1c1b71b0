import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default (cores - 1) is a single file at a time on two cores, but most of a file's time is spent
    // waiting on the CLI it spawns or on Chromium: two files at once keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
