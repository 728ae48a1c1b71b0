import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Files that must start in a process of their own: they check what a process has before it registers anything. */
const FRESH_PROCESS = ['test/render/fonts.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The built CLI (dist/) that tests run in their own process is Node's to load, as the bin does: through Vite's
    // module runner its main-thread drawing ran ~30 % slower and its first load took ~2.5 s more.
    server: { deps: { external: [/\/dist\//] } },
    // Vitest's default (cores - 1) is a single file at a time on two cores, but most of a file's time is spent
    // waiting on the CLI it spawns or on Chromium: two files at once keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      // A fresh process per file cost ~0.2 s of start-up and imports each, ~40 s of the suite's CPU: the other files
      // share their worker's process, one after another (no test mocks a module or leaves the process changed).
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: FRESH_PROCESS, isolate: false } },
      { extends: true, test: { name: 'fresh', include: FRESH_PROCESS, isolate: true } },
    ],
  },
});
