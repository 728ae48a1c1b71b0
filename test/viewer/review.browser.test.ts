// Review marks in chromium (file://): keys on a focused card and in the sample view, badges and counts, the review
// kinds as filters, persistence across reloads keyed by the folder's run ids, review.json saved and loaded back.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ViewerEntry } from '../../src/viewer/types.js';
import { writeViewer } from '../../src/viewer/writer.js';
import { cardNames, CHROMIUM, openPage, viewerFolder } from './browser.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const entry = (index: number, consistent = true): ViewerEntry => ({
  name: `main_${String(index).padStart(6, '0')}`,
  split: 'main',
  index,
  status: 'rendered',
  expressions: [`sample ${index}`],
  candidates: 1 + index,
  verdictCounts: { '✅': 1, '❌': index, '⚠️': 0, none: 0 },
  consistent,
  rejection: false,
  warnings: [],
});
const ENTRIES = [entry(0), entry(1, false), entry(2), entry(3, false), entry(4)];
const [S0, S1, S2, S3, S4] = ENTRIES.map((e) => e.name);

const reviewOf = (page: Page, sel: string) => page.$eval(sel, (e) => (e as HTMLElement).dataset.review);
const headerCounts = (page: Page) => page.$eval('[data-review-counts]', (e) => e.textContent);
const kindLabel = (page: Page, k: string) => page.$eval(`label.kind:has(input[data-kind="${k}"])`, (e) => e.textContent?.trim());

async function saveReview(page: Page): Promise<{ name: string; doc: Record<string, unknown>; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="save-review"]')]);
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  return { name: download.suggestedFilename(), doc: JSON.parse(text) as Record<string, unknown>, text };
}

describe.skipIf(!CHROMIUM)('review marks', () => {
  const folder = viewerFolder('viewer-review', async (dir) => {
    await writeViewer(join(dir, 'a'), ENTRIES, { run: { run: 'RUN-A1' } });
    // Another folder of the same names: every file:// page shares one storage, its marks must stay its own.
    await writeViewer(join(dir, 'b'), ENTRIES, { run: { run: 'RUN-B1' } });
  });
  const url = (sub: string, hash = '') => folder.url(hash).replace(/index\.html/, `${sub}/index.html`);

  it('keys mark a focused card and the sample view, with badges, data-review, header and filter counts', async () => {
    const { page, errors } = await openPage(folder.browser, url('a'));
    expect(await reviewOf(page, `[data-sample="${S1}"]`)).toBe('unreviewed');
    expect(await headerCounts(page)).toBe('reviewed: 0 accepted · 0 rejected · 5 unreviewed');
    await page.focus(`[data-sample="${S1}"]`);
    await page.keyboard.press('x');
    await page.focus(`[data-sample="${S2}"]`);
    await page.keyboard.press('a');
    expect(await reviewOf(page, `[data-sample="${S1}"]`)).toBe('rejected');
    expect(await reviewOf(page, `[data-sample="${S2}"]`)).toBe('accepted');
    expect(await page.$eval(`[data-sample="${S1}"] .rv`, (e) => e.textContent)).toBe('rejected');
    // The badge's mark is a picture (no emoji font here), not a character.
    expect(await page.$eval(`[data-sample="${S1}"] .rv .rvi-rejected`, (e) => getComputedStyle(e).backgroundImage)).toMatch(/^url\("data:image\/svg\+xml/);
    expect(await headerCounts(page)).toBe('reviewed: 1 accepted · 1 rejected · 3 unreviewed');
    expect(await kindLabel(page, 'rejected')).toBe('rejected (1)');
    expect(await kindLabel(page, 'unreviewed')).toBe('unreviewed (3)');
    // u clears the status; the grid is still where it was (keys on a card do not open it).
    await page.keyboard.press('u');
    expect(await reviewOf(page, `[data-sample="${S2}"]`)).toBe('unreviewed');
    expect(await page.evaluate(() => location.hash)).toBe('');

    // In the sample view: the keys mark the sample shown, and j steps on from it.
    await page.click(`[data-sample="${S3}"]`);
    await page.waitForFunction((n) => location.hash === `#${n}`, S3);
    expect(await reviewOf(page, '#sampleview .sample')).toBe('unreviewed');
    await page.keyboard.press('x');
    expect(await reviewOf(page, '#sampleview .sample')).toBe('rejected');
    expect(await page.$eval('#sampleview .rv', (e) => e.textContent)).toBe('rejected');
    // n opens the note editor; the n itself is not typed into it; Enter saves, Escape cancels.
    await page.keyboard.press('n');
    await page.waitForSelector('dialog.note-editor[open]');
    expect(await page.inputValue('dialog.note-editor textarea')).toBe('');
    await page.keyboard.type('Person 2 is the target, not 1');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog.note-editor:not([open])', { state: 'attached' });
    // The note is kept by the dialog's close event, a task after the dialog closes: wait for it, then check its text.
    await page.waitForFunction(() => Boolean(document.querySelector('#sampleview .rvnote')?.textContent), undefined, { polling: 20, timeout: 5000 }).catch(() => undefined);
    expect(await page.$eval('#sampleview .rvnote', (e) => e.textContent)).toBe('Person 2 is the target, not 1');
    await page.keyboard.press('n');
    await page.keyboard.type(' and more');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.note-editor:not([open])', { state: 'attached' });
    expect(await page.$eval('#sampleview .rvnote', (e) => e.textContent)).toBe('Person 2 is the target, not 1');
    expect(await reviewOf(page, '#sampleview .sample')).toBe('rejected');
    await page.keyboard.press('j');
    expect(await page.evaluate(() => location.hash)).toBe(`#${S4}`);
    await page.keyboard.press('a');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('gridview')!.hidden);
    expect(await reviewOf(page, `[data-sample="${S4}"]`)).toBe('accepted');
    expect(await page.$eval(`[data-sample="${S3}"] .rv-note`, (e) => (e as HTMLElement).title)).toBe('Person 2 is the target, not 1');
    expect(errors).toEqual([]);

    // Reload: the marks are still there. Folder b (other run ids, same storage) has none of them.
    await page.reload();
    await page.waitForSelector('#app[data-ready="1"]');
    expect(await page.$$eval('#grid [data-sample]', (cs) => cs.map((c) => (c as HTMLElement).dataset.review))).toEqual(['unreviewed', 'rejected', 'unreviewed', 'rejected', 'accepted']);
    await page.goto(url('b'));
    await page.waitForSelector('#app[data-ready="1"]');
    expect(await headerCounts(page)).toBe('reviewed: 0 accepted · 0 rejected · 5 unreviewed');

    // The review's kinds filter the grid, from the checkboxes and from the hash.
    await page.goto(url('a'));
    await page.waitForSelector('#app[data-ready="1"]');
    await page.check('input[data-kind="rejected"]');
    await page.waitForFunction(() => location.hash === '#only=rejected');
    expect(await cardNames(page)).toEqual([S1, S3]);
    for (const [hash, expected] of [['#only=unreviewed', [S0, S2]], ['#only=accepted,inconsistent', [S1, S3, S4]], ['#only=accepted', [S4]]] as const) {
      await page.goto(url('a', hash));
      await page.waitForSelector('#app[data-ready="1"]');
      expect(await cardNames(page), hash).toEqual(expected);
    }
    await page.close();
  });

  it('Save review downloads review.json in the documented shape; Load review merges, newest mark winning, keeping unknown samples', async () => {
    const { page, errors } = await openPage(folder.browser, url('a'));
    await page.focus(`[data-sample="${S0}"]`);
    await page.keyboard.press('x');
    await page.focus(`[data-sample="${S1}"]`);
    await page.keyboard.press('a');
    const before = Date.now();
    const saved = await saveReview(page);
    expect(saved.name).toBe('review.json');
    expect(Object.keys(saved.doc)).toEqual(['version', 'tool', 'runs', 'samples']);
    expect(saved.doc).toMatchObject({ version: 1, tool: `humanref-vis ${VERSION}`, runs: ['RUN-A1'] });
    const samples = saved.doc.samples as Record<string, { status: string; note: string; at: string }>;
    expect(Object.keys(samples)).toEqual([S0, S1]);
    expect(samples[S0]).toEqual({ status: 'rejected', note: '', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
    expect(Math.abs(Date.parse(samples[S1].at) - before)).toBeLessThan(60_000);

    // A file from elsewhere: S0 older than here (loses), S1 newer (wins), S2 new, a sample not in this folder, a bad mark.
    const old = '2000-01-01T00:00:00.000Z';
    const future = new Date(Date.now() + 3600_000).toISOString();
    const incoming = {
      version: 1,
      tool: 'humanref-vis 0.0.1',
      runs: ['RUN-OTHER'],
      samples: {
        [S0]: { status: 'accepted', note: 'old', at: old },
        [S1]: { status: 'rejected', note: 'newer', at: future },
        [S2]: { status: 'accepted', note: '', at: old },
        main_999999: { status: 'rejected', note: 'gone from this folder', at: old },
        main_000003: { status: 'maybe', note: '', at: old },
      },
    };
    const file = join(folder.dir, 'incoming.json');
    await writeFile(file, JSON.stringify(incoming));
    await page.setInputFiles('input[data-action="load-review-file"]', file);
    await page.waitForFunction(() => document.querySelector('.rvmsg')!.textContent !== '');
    expect(await page.$eval('.rvmsg', (e) => e.textContent)).toBe('incoming.json: 4 marks read, 3 newer than those here; 1 skipped (main_000003: status "maybe" is not accepted, rejected or unreviewed)');
    expect(await page.$$eval('#grid [data-sample]', (cs) => cs.map((c) => (c as HTMLElement).dataset.review))).toEqual(['rejected', 'rejected', 'accepted', 'unreviewed', 'unreviewed']);
    expect(await headerCounts(page)).toBe('reviewed: 1 accepted · 2 rejected · 2 unreviewed · 1 marks of samples not in this folder (kept)');

    // Saved again: the mark of the sample not in this folder is in the file, and so are the merged ones.
    const again = (await saveReview(page)).doc.samples as typeof samples;
    expect(Object.keys(again)).toEqual([S0, S1, S2, 'main_999999']);
    expect(again.main_999999).toEqual({ status: 'rejected', note: 'gone from this folder', at: old });
    expect(again[S1]).toEqual({ status: 'rejected', note: 'newer', at: future });
    expect(again[S0].status).toBe('rejected');

    // Not a review file: said so, nothing changed.
    await writeFile(file, '{"version": 1, "samples": [');
    await page.setInputFiles('input[data-action="load-review-file"]', file);
    await page.waitForFunction(() => document.querySelector('.rvmsg')!.textContent!.includes('not loaded'));
    expect(await page.$eval('.rvmsg', (e) => e.textContent)).toMatch(/^incoming\.json not loaded: it is not JSON \(.+\); choose a review\.json saved by this viewer$/);
    expect(await headerCounts(page)).toBe('reviewed: 1 accepted · 2 rejected · 2 unreviewed · 1 marks of samples not in this folder (kept)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the marks when a later run adds to the folder (one more run id), and says so when the storage is full', async () => {
    const { page } = await openPage(folder.browser, url('b'));
    await page.focus(`[data-sample="${S4}"]`);
    await page.keyboard.press('x');
    // A second run into folder b: its index now lists RUN-B1 and RUN-B2.
    await writeViewer(join(folder.dir, 'b'), [entry(5)], { run: { run: 'RUN-B2' } });
    await page.reload();
    await page.waitForSelector('#app[data-ready="1"]');
    expect(await reviewOf(page, `[data-sample="${S4}"]`)).toBe('rejected');
    expect((await saveReview(page)).doc.runs).toEqual(['RUN-B1', 'RUN-B2']);
    // Only one copy is stored: the one under the old ids moved to the new ones.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('humanref-vis review ')).sort())).toEqual(['humanref-vis review RUN-B1 RUN-B2']);

    // Other folders' reviews (here: filler) can fill the storage every file:// page shares.
    await page.evaluate(() => {
      // Ever smaller pieces, until not even one character more fits.
      let i = 0;
      for (let size = 256 * 1024; size >= 1; size = Math.floor(size / 4)) {
        for (;;) {
          try {
            localStorage.setItem(`filler ${i++}`, 'x'.repeat(size));
          } catch {
            break;
          }
        }
      }
    });
    await page.focus(`[data-sample="${S3}"]`);
    await page.keyboard.press('a');
    expect(await reviewOf(page, `[data-sample="${S3}"]`)).toBe('accepted');
    expect(await page.$eval('#app', (e) => (e as HTMLElement).dataset.reviewStorage)).toBe('full');
    expect(await page.$eval('.rvmsg', (e) => e.textContent)).toContain('Save review to keep them');
    // Saving still has every mark, the one the storage could not take too.
    const samples = (await saveReview(page)).doc.samples as Record<string, { status: string }>;
    expect([samples[S3].status, samples[S4].status]).toEqual(['accepted', 'rejected']);
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler ')).forEach((k) => localStorage.removeItem(k)));
    await page.close();
  });
});
