import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files that must start in a process of their own: they check what a process has before it registers anything. */
const FRESH_PROCESS = ['test/render/fonts.test.ts'];

/**
 * The files that run the CLI or Chromium take seconds each; the rest take milliseconds. Started first, they run beside
 * each other and the quick files fill in at the end, instead of one of them starting last while the other worker has
 * nothing left (a fresh clone has no timings from an earlier run for vitest to sort by). The README's commands, the
 * longest file, go first of all.
 */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const file = spec.moduleId.replaceAll('\\', '/');
      if (file.endsWith('/test/e2e/readme.test.ts')) return 0;
      return /\/test\/(e2e|commands|robustness)\/|\.browser\.test\.ts$/.test(file) ? 1 : 2;
    };
    const sorted = await super.sort(files);
    // Vitest runs the projects one after another, in the order it sorted them: that order is kept.
    const projects = [...new Set(sorted.map((spec) => spec.project.name))];
    const key = (spec: TestSpecification) => projects.indexOf(spec.project.name) * 3 + rank(spec);
    return sorted.map((spec, i) => ({ spec, i })).sort((a, b) => key(a.spec) - key(b.spec) || a.i - b.i).map(({ spec }) => spec);
  }
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    sequence: { sequencer: SlowFirst },
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
