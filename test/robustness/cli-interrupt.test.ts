// Interrupted runs (SIGINT, SIGTERM, twice): only complete images, no temp files, and a manifest of exactly what was done.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIndexScript } from '../../src/viewer/data-files.js';
import { cli, decodeFully, isImage, isTemp, listFiles, readManifest, whenImages } from './cli.js';
import { loadCorpus, plainAnnotation, tempDir, writeEntries, type WrittenSplit } from './corpus.js';

const corpus = loadCorpus();
const COUNT = 60;

let dir: string;
let cleanup: () => Promise<void>;
let split: WrittenSplit;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('interrupt'));
  // Big enough to still be running when the signal arrives: 60 samples at concurrency 1.
  const entries = Array.from({ length: COUNT }, (_, i) => corpus[i % corpus.length]).map((s) => ({ annotationLine: plainAnnotation(s.json), imageLine: s.imageLine }));
  split = await writeEntries(dir, 'big', entries);
});
afterAll(() => cleanup());

async function interruptedRun(name: string, signals: NodeJS.Signals[], apartMs = 5) {
  const out = join(dir, name);
  let watch: { stop: () => void } | undefined;
  const r = await cli(['--ann-tsv', split.annotationsTsv, '--img-tsv', split.imagesTsv, '--num-vis', 'all', '--concurrency', '1', '--output-dir', out], {
    cwd: dir,
    onSpawn: (child) => {
      // Signal once the run is under way: the second image exists, so a write is likely in flight.
      watch = whenImages(out, 2, () => signals.forEach((s, k) => setTimeout(() => child.kill(s), k * apartMs)));
    },
  });
  watch?.stop();
  return { r, out, files: await listFiles(out) };
}

async function expectCompleteImages(out: string, files: string[]) {
  expect(files.filter(isTemp)).toEqual([]);
  for (const f of files.filter(isImage)) await expect(decodeFully(join(out, f)), f).resolves.toMatchObject({ width: expect.any(Number) });
}

describe('an interrupted run', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal}: finishes the sample in progress, exits ${code}, leaves complete images, no temp files, and a manifest listing exactly them`, async () => {
      const { r, out, files } = await interruptedRun(signal.toLowerCase(), [signal]);
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toContain(`${signal}: finishing the samples in progress`);
      expect(r.stderr).toMatch(new RegExp(`stopped early: interrupted \\(${signal}\\); \\d+ not done`));
      const images = files.filter(isImage);
      expect(images.length).toBeGreaterThanOrEqual(2);
      expect(images.length).toBeLessThan(COUNT);
      await expectCompleteImages(out, files);
      const rows = await readManifest(out);
      expect(rows.every((row) => row.status === 'rendered')).toBe(true);
      expect(rows.map((row) => row.file).sort()).toEqual(images);
      expect(files).toContain('index.html');
      // The viewer lists exactly the pictures that were finished.
      const viewer = await readIndexScript(join(out, 'viewer-index.js'));
      expect(viewer?.entries.map((e) => e[1]).sort()).toEqual(images);
    });
  }

  it('a second SIGINT stops at once: still only complete images and no temp files', async () => {
    // Half a second apart: a second request (two copies of one signal arriving together count once).
    const { r, out, files } = await interruptedRun('twice', ['SIGINT', 'SIGINT'], 500);
    // The second signal re-raises with the default handler: the process dies by SIGINT (or exits 130 if it was already done).
    expect(r.signal === 'SIGINT' || r.code === 130, `code ${r.code} signal ${r.signal}`).toBe(true);
    await expectCompleteImages(out, files);
  });

  it('SIGINT at any moment (start-up, first render, early, mid-run) leaves a consistent folder', async () => {
    // Each moment is an event of the run itself (not a wall-clock delay), so a fast machine cannot finish the run first:
    // 30 ms after spawn (start-up), or once 1, 10 or COUNT/2 images are in place.
    for (const moment of [0, 1, 10, COUNT / 2]) {
      const out = join(dir, `at-${moment}`);
      let watch: { stop: () => void } | undefined;
      const r = await cli(['--ann-tsv', split.annotationsTsv, '--img-tsv', split.imagesTsv, '--num-vis', 'all', '--concurrency', '2', '--output-dir', out], {
        cwd: dir,
        onSpawn: (child) => {
          if (moment === 0) setTimeout(() => child.kill('SIGINT'), 30);
          else watch = whenImages(out, moment, () => child.kill('SIGINT'));
        },
      });
      watch?.stop();
      const label = moment === 0 ? 'at start-up' : `after ${moment} images`;
      // Before the handler is installed the default action ends the process; after, the run stops and exits 130.
      expect(r.code === 130 || r.signal === 'SIGINT', `${label}: code ${r.code} signal ${r.signal}\n${r.stderr}`).toBe(true);
      const files = await listFiles(out);
      await expectCompleteImages(out, files);
      if (files.includes('manifest.csv')) expect((await readManifest(out)).map((row) => row.file).sort(), label).toEqual(files.filter(isImage));
      else expect(files.filter(isImage), `${label}: images without a manifest`).toEqual([]);
      if (moment > 0) expect(files.filter(isImage).length, label).toBeLessThan(COUNT);
    }
  });
});
