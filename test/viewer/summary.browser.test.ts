// The summary panel over the grid in chromium: its histograms count the samples shown, a click on a bar filters
// the grid to it (and the hash says so), a second click takes the filter off; it folds away.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ViewerEntry } from '../../src/viewer/types.js';
import { writeViewer } from '../../src/viewer/writer.js';
import { cardNames, CHROMIUM, openPage, viewerFolder } from './browser.js';

// [candidates, ✅, ❌, ⚠️, consistent, warned, reasoning length]
const ROWS: [number, number, number, number, boolean, boolean, number][] = [
  [1, 1, 0, 0, true, false, 120],
  [3, 1, 2, 0, true, true, 480],
  [3, 2, 1, 0, false, false, 510],
  [5, 1, 3, 1, false, true, 1190],
  [5, 1, 4, 0, true, false, 40],
  [8, 2, 6, 0, false, false, 1000],
];
const entries: ViewerEntry[] = ROWS.map(([candidates, ok, no, warn, consistent, warned, len], index) => ({
  name: `main_${index}`,
  split: 'main',
  index,
  status: 'rendered',
  expressions: [`sample ${index}`],
  candidates,
  verdictCounts: { '✅': ok, '❌': no, '⚠️': warn, none: candidates - ok - no - warn },
  consistent,
  rejection: false,
  warnings: warned ? ['Person 1: zero-size box'] : [],
  searchText: 'r'.repeat(len),
}));
const failed: ViewerEntry = { ...entries[0], name: 'main_6', index: 6, status: 'failed', error: 'bad JSON', candidates: 0, verdictCounts: { '✅': 0, '❌': 0, '⚠️': 0, none: 0 }, searchText: undefined };
const ALL = [...entries, failed];

/** A chart's bars as `lo-hi:count`, only those with samples. */
const bars = (page: Page, chart: string) =>
  page.$$eval(`.hist[data-chart="${chart}"] .hbar`, (bs) => bs.filter((b) => (b as HTMLElement).dataset.count !== '0').map((b) => `${(b as HTMLElement).dataset.lo}-${(b as HTMLElement).dataset.hi}:${(b as HTMLElement).dataset.count}`));
const bar = (chart: string, lo: number) => `.hist[data-chart="${chart}"] .hbar[data-lo="${lo}"]`;
const hash = (page: Page) => page.evaluate(() => location.hash);

describe.skipIf(!CHROMIUM)('summary panel', () => {
  const folder = viewerFolder('viewer-summary', async (dir) => {
    await writeViewer(dir, ALL);
  });

  it('counts the samples shown in each histogram, and its totals', async () => {
    const { page, errors } = await openPage(folder.browser, folder.url());
    await page.waitForSelector('#app[data-text="loaded"]');
    expect(await bars(page, 'candidates')).toEqual(['1-1:1', '3-3:2', '5-5:2', '8-8:1']);
    expect(await bars(page, 'ok')).toEqual(['1-1:4', '2-2:2']);
    expect(await bars(page, 'no')).toEqual(['0-0:1', '1-1:1', '2-2:1', '3-3:1', '4-4:1', '6-6:1']);
    expect(await bars(page, 'warn')).toEqual(['0-0:5', '1-1:1']);
    expect(await bars(page, 'inconsistent')).toEqual(['3-3:1', '5-5:1', '8-8:1']);
    expect(await bars(page, 'warned')).toEqual(['3-3:1', '5-5:1']);
    // Lengths up to 1190: bars 50 characters wide.
    expect(await bars(page, 'len')).toEqual(['0-49:1', '100-149:1', '450-499:1', '500-549:1', '1000-1049:1', '1150-1199:1']);
    expect(await page.$eval('#summary > summary', (e) => e.textContent)).toBe('summary of the 7 samples shown');
    expect(await page.$eval('#summary .totals', (e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim())).toBe('8 16 1 3 inconsistent · 2 warned · 1 failed');
    // The ✅ ❌ ⚠️ of titles and totals are drawn, not characters.
    expect(await page.$eval('#summary', (e) => (e as HTMLElement).innerText)).not.toMatch(/✅|❌|⚠/);
    expect(await page.$$eval('#summary .mk', (ms) => ms.length)).toBe(6);
    // Filtered: the charts count only the samples shown.
    await page.goto(folder.url('#min=5'));
    await page.waitForSelector('#app[data-text="loaded"]');
    expect(await bars(page, 'candidates')).toEqual(['5-5:2', '8-8:1']);
    expect(await bars(page, 'inconsistent')).toEqual(['5-5:1', '8-8:1']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a click on a bar filters the grid to it, in the hash too; a click on the lit bar takes it off', async () => {
    const { page, errors } = await openPage(folder.browser, folder.url());
    await page.waitForSelector('#app[data-text="loaded"]');
    await page.click(bar('candidates', 3));
    expect(await hash(page)).toBe('#min=3&max=3');
    expect(await cardNames(page)).toEqual(['main_1', 'main_2']);
    expect(await page.inputValue('#min')).toBe('3');
    expect(await page.$eval(bar('candidates', 3), (b) => b.classList.contains('on'))).toBe(true);
    await page.click(bar('candidates', 3));
    expect(await hash(page)).toBe('');
    expect((await cardNames(page)).length).toBe(7);

    await page.click(bar('ok', 2));
    expect(await hash(page)).toBe('#ok=2');
    expect(await cardNames(page)).toEqual(['main_2', 'main_5']);
    // Bars of another chart narrow further (and).
    await page.click(bar('inconsistent', 8));
    expect(await hash(page)).toBe('#only=inconsistent&min=8&max=8&ok=2');
    expect(await cardNames(page)).toEqual(['main_5']);
    expect(await page.isChecked('input[data-kind="inconsistent"]')).toBe(true);
    await page.click('#reset');
    expect(await hash(page)).toBe('');

    await page.click(bar('warned', 5));
    expect(await cardNames(page)).toEqual(['main_3']);
    await page.click(bar('len', 500));
    expect(await hash(page)).toBe('#only=warned&min=5&max=5&len=500-549');
    expect(await cardNames(page)).toEqual([]);
    await page.click('#reset');
    await page.click(bar('len', 1000));
    expect(await hash(page)).toBe('#len=1000-1049');
    expect(await cardNames(page)).toEqual(['main_5']);

    // The same link opened fresh: the length filter applies once the reasoning text is in.
    await page.goto(folder.url('#len=0-499&warn=0'));
    await page.waitForSelector('#app[data-text="loaded"]');
    expect(await cardNames(page)).toEqual(['main_0', 'main_1', 'main_4']);
    expect(await page.$$eval('.hbar.on', (bs) => bs.map((b) => (b as HTMLElement).dataset.chart))).toEqual(['warn']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('folds away, and shows the current samples when opened again', async () => {
    const { page } = await openPage(folder.browser, folder.url());
    await page.waitForSelector('#app[data-text="loaded"]');
    await page.click('#summary > summary');
    expect(await page.isVisible('#summary .charts')).toBe(false);
    await page.fill('#min', '8');
    await page.dispatchEvent('#min', 'change');
    await page.waitForFunction(() => location.hash === '#min=8');
    await page.click('#summary > summary');
    expect(await page.isVisible('#summary .charts')).toBe(true);
    // The panel redraws after it opens: wait for it rather than read the bars of the moment.
    await expect.poll(() => bars(page, 'candidates')).toEqual(['8-8:1']);
    await page.close();
  });
});
