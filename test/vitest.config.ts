import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that must start in a process of their own: they check what a process has before it registers anything. */
const FRESH_PROCESS = ['test/render/fonts.test.ts'];

/**
 * Vitest runs the files that took longest last time first, so the long ones overlap the many short ones. A fresh clone
 * (CI) has no last time, and Vitest then orders by file size, which starts the README test (~40 s of the suite's
 * ~130 s, in a 6 KB file) near the end, alone: about 25 s longer. Without a recorded time, a file's kind says roughly how
 * long it takes: the README test first, then the files that drive Chromium, then the other end-to-end files.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const timed = (file: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${relative(root, file.moduleId)}`) !== undefined;
    if (files.every(timed)) return sorted;
    const rank = (file: TestSpecification) => {
      const path = relative(root, file.moduleId);
      if (path === 'test/e2e/readme.test.ts') return 0;
      if (path.endsWith('.browser.test.ts')) return 1;
      return path.startsWith('test/e2e/') ? 2 : 3;
    };
    // Projects keep Vitest's order; within a project and a kind, so does Vitest's order (array sort is stable).
    const projects = [...new Set(sorted.map((file) => file.project.name))];
    const project = (file: TestSpecification) => projects.indexOf(file.project.name);
    return sorted.sort((a, b) => project(a) - project(b) || rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    sequence: { sequencer: LongestFirst },
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
