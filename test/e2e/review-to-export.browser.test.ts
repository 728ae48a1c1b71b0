// The audit loop in one run: visualize the bundled sample, mark samples in chromium with the viewer's keys, save the
// review with its button (the real download), export with it, and read the exported split back.
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/dataset/dataset.js';
import { resolveSplits } from '../../src/dataset/locate.js';
import { cases } from '../fixtures/cases.js';
import { CHROMIUM, openPage, viewerFolder } from '../viewer/browser.js';
import { cliInProcess, FIXTURES } from './cli.js';

const SAMPLE = join(FIXTURES, 'sample');
const nameOf = (split: string, index: number) => `${split}_${String(index).padStart(6, '0')}`;
const ALL = [...cases.splits.main.samples.map((s) => nameOf('main', s.index)), ...cases.splits.rejection.samples.map((s) => nameOf('rejection', s.index))];
// One rejected in each split (on a grid card and in the sample view), one accepted, one with a note and no status.
const REJECTED = [nameOf('main', 1), nameOf('rejection', 1)];
const ACCEPTED = nameOf('main', 2);
const NOTED = nameOf('main', 3);
const NOTE = 'Person 2 looks cut off; check the crop';

interface Provenance {
  sample: string;
  split: string;
  index: number;
  ann_offset: number;
  img_offset: number;
  to_split: string;
  to_index: number;
}
const readJsonl = async <T>(file: string): Promise<T[]> => (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);

const reviewOf = (page: Page, sel: string) => page.$eval(sel, (e) => (e as HTMLElement).dataset.review);

/** Every sample of an exported folder, read with the project's reader: split, index and the annotation and image. */
async function readAll(dir: string) {
  const out: { split: string; index: number; annotation: unknown; image: Buffer; imageKey: string }[] = [];
  for (const paths of resolveSplits({ dataDir: dir }).splits) {
    const ds = await Dataset.open(paths);
    try {
      for (let i = 0; i < ds.length; i++) {
        const s = await ds.readSample(i);
        out.push({ split: s.split, index: s.index, annotation: s.annotation, image: s.image, imageKey: s.imageKey });
      }
    } finally {
      await ds.close();
    }
  }
  return out;
}

describe.skipIf(!CHROMIUM)('review in chromium -> export', () => {
  const folder = viewerFolder('review-to-export', async (dir) => {
    const r = await cliInProcess(['visualize', '--data-dir', SAMPLE, '--num-vis', 'all', '--output-dir', 'vis', '--workers', '0', '--concurrency', '2'], { cwd: dir, timeoutMs: 90_000 });
    expect(r.code, r.stderr).toBe(0);
  });
  const viewerUrl = (hash = '') => `${pathToFileURL(join(folder.dir, 'vis', 'index.html')).href}${hash}`;
  const run = (args: string[]) => cliInProcess(['export', '--data-dir', SAMPLE, '--concurrency', '2', ...args], { cwd: folder.dir, timeoutMs: 90_000 });

  it('marks made with the keys and saved with the button decide what export writes', async () => {
    const { page, errors } = await openPage(folder.browser, viewerUrl());
    // On grid cards.
    await page.focus(`[data-sample="${REJECTED[0]}"]`);
    await page.keyboard.press('x');
    await page.focus(`[data-sample="${ACCEPTED}"]`);
    await page.keyboard.press('a');
    expect(await reviewOf(page, `[data-sample="${REJECTED[0]}"]`)).toBe('rejected');
    expect(await reviewOf(page, `[data-sample="${ACCEPTED}"]`)).toBe('accepted');
    // In the sample view: a note alone on one sample; then, from a link, a rejection in the other split.
    await page.click(`[data-sample="${NOTED}"]`);
    await page.waitForSelector(`#sampleview .sample[data-sample="${NOTED}"]`);
    await page.keyboard.press('n');
    await page.waitForSelector('dialog.note-editor[open]');
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog.note-editor:not([open])', { state: 'attached' });
    // The dialog's close event (where the note is saved) comes a task after [open] goes: wait for the note to show.
    await page.waitForFunction((note) => document.querySelector('#sampleview .rvnote')?.textContent === note, NOTE, { timeout: 5_000 }).catch(() => undefined);
    expect(await page.$eval('#sampleview .rvnote', (e) => e.textContent)).toBe(NOTE);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('gridview')!.hidden);
    // A link to a sample (as from a search elsewhere) opens its sample view.
    await page.evaluate((n) => (location.hash = `#${n}`), REJECTED[1]);
    await page.waitForSelector(`#sampleview .sample[data-sample="${REJECTED[1]}"]`);
    await page.keyboard.press('x');
    expect(await reviewOf(page, '#sampleview .sample')).toBe('rejected');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('gridview')!.hidden);
    expect(await page.$eval('[data-review-counts]', (e) => e.textContent)).toBe(`reviewed: 1 accepted · 2 rejected · ${ALL.length - 3} unreviewed`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="save-review"]')]);
    expect(download.suggestedFilename()).toBe('review.json');
    const review = join(folder.dir, 'review.json');
    await copyFile(await download.path(), review);
    expect(errors).toEqual([]);
    await page.close();
    const saved = JSON.parse(await readFile(review, 'utf8')) as { samples: Record<string, { status: string; note: string }> };
    expect(Object.entries(saved.samples).map(([n, m]) => [n, m.status, m.note])).toEqual(
      [[REJECTED[0], 'rejected', ''], [ACCEPTED, 'accepted', ''], [NOTED, 'unreviewed', NOTE], [REJECTED[1], 'rejected', '']].sort((a, b) => a[0].localeCompare(b[0])),
    );

    const dropped = await run(['--to', 'tsv', '--review', review, '--drop', 'rejected', '--output_dir', 'clean']);
    expect(dropped.code, dropped.stderr).toBe(0);
    expect(dropped.stderr).toMatch(new RegExp(`^${ALL.length - 2} exported \\(tsv\\), 0 failed, 2 dropped by the review`, 'm'));
    const clean = join(folder.dir, 'clean');
    const kept = ALL.filter((n) => !REJECTED.includes(n));
    const provenance = await readJsonl<Provenance>(join(clean, 'provenance.jsonl'));
    expect(provenance.map((p) => p.sample)).toEqual(kept);

    // Read back: exactly the kept samples, each the source's annotation and image, where provenance says it came from.
    const exported = await readAll(clean);
    expect(exported).toHaveLength(kept.length);
    const sources = new Map<string, Dataset>();
    try {
      for (const paths of resolveSplits({ dataDir: SAMPLE }).splits) sources.set(paths.name, await Dataset.open(paths));
      for (const p of provenance) {
        const out = exported.find((e) => e.split === p.to_split && e.index === p.to_index)!;
        const src = await sources.get(p.split)!.readSample(p.index);
        expect([src.annOffset, src.imgOffset]).toEqual([p.ann_offset, p.img_offset]);
        expect(out.annotation).toEqual(src.annotation);
        expect(out.imageKey).toBe(src.imageKey);
        expect(out.image.equals(src.image)).toBe(true);
      }
    } finally {
      await Promise.all([...sources.values()].map((d) => d.close()));
    }
    const validate = await cliInProcess(['validate', '--data-dir', clean], { cwd: folder.dir });
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stderr).toMatch(new RegExp(`validated ${kept.length} samples in 2 splits: 0 broken`));

    // --keep accepted: the one accepted sample; the noted one (no status) is not kept.
    const accepted = await run(['--to', 'tsv', '--review', review, '--keep', 'accepted', '--output_dir', 'accepted']);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect((await readJsonl<Provenance>(join(folder.dir, 'accepted', 'provenance.jsonl'))).map((p) => p.sample)).toEqual([ACCEPTED]);
    expect((await readAll(join(folder.dir, 'accepted'))).map((e) => [e.split, e.index])).toEqual([['main', 0]]);
  });
});
