// A 45,000-sample synthetic index: loads from file://, filters and searches correctly, renders only what is on screen.
import { describe, expect, it } from 'vitest';
import { writeViewer } from '../../src/viewer/writer.js';
import { CHROMIUM, openPage, viewerFolder } from './browser.js';
import { syntheticEntries } from './synthetic.mjs';

const N = 45_000;
const entries = syntheticEntries(N);

describe.skipIf(!CHROMIUM)('45k-sample viewer in chromium', () => {
  const folder = viewerFolder('viewer-45k', async (dir) => {
    await writeViewer(dir, entries);
  });

  it('loads all entries, filters by kind and split, searches expressions and reasoning, and keeps the DOM small', async () => {
    const base = folder.url();
    const { page, errors } = await openPage(folder.browser, base);
    expect(await page.$eval('[data-count]', (e) => e.textContent)).toBe(`${N} of ${N}`);
    expect(await page.$$eval('#grid [data-sample]', (c) => c.length)).toBeLessThan(120);
    // The summary panel counts all of them: every rendered sample in one candidates bar, each inconsistent one in one bar.
    await page.waitForSelector('#app[data-text="loaded"]');
    const total = (chart: string) => page.$$eval(`.hist[data-chart="${chart}"] .hbar`, (bs) => bs.reduce((n, b) => n + Number((b as HTMLElement).dataset.count), 0));
    expect(await total('candidates')).toBe(entries.filter((e) => e.status === 'rendered').length);
    expect(await total('inconsistent')).toBe(entries.filter((e) => e.status === 'rendered' && !e.consistent).length);
    expect(await total('len')).toBe(entries.filter((e) => e.status === 'rendered').length);

    const check = async (hash: string, expected: typeof entries) => {
      await page.goto(`${base}${hash}`);
      await page.waitForSelector('#app[data-text="loaded"]');
      expect(await page.$eval('[data-count]', (e) => e.textContent), hash).toBe(`${expected.length} of ${N}`);
      const first = await page.$eval('#grid [data-sample]', (c) => (c as HTMLElement).dataset.sample).catch(() => null);
      expect(first, hash).toBe(expected[0]?.name ?? null);
    };
    const byIndex = (a: (typeof entries)[number], b: (typeof entries)[number]) => (a.split < b.split ? -1 : a.split > b.split ? 1 : a.index - b.index);
    const text = (e: (typeof entries)[number]) => `${e.expressions.join('\n')}\n${e.searchText ?? ''}`.toLowerCase();
    await check('#only=inconsistent&split=main', entries.filter((e) => e.split === 'main' && e.status === 'rendered' && !e.consistent).sort(byIndex));
    await check('#only=failed,warned', entries.filter((e) => e.status === 'failed' || e.warnings.length > 0).sort(byIndex));
    await check('#q=zebra', entries.filter((e) => text(e).includes('zebra')).sort(byIndex));
    await check('#q=Giraffe&min=20', entries.filter((e) => text(e).includes('giraffe') && e.candidates >= 20).sort(byIndex));
    expect(entries.filter((e) => text(e).includes('zebra')).length).toBeGreaterThan(100);

    // Typing filters the whole index (debounced), and the hash follows.
    await page.goto(base);
    await page.waitForSelector('#app[data-text="loaded"]');
    await page.fill('#q', 'zebra');
    await page.waitForFunction(() => location.hash === '#q=zebra');
    expect(await page.$eval('[data-count]', (e) => e.textContent)).toBe(`${entries.filter((e) => text(e).includes('zebra')).length} of ${N}`);
    // Key by key (each pause long enough to filter): narrowing a query and taking letters back both stay right.
    await page.fill('#q', '');
    await page.waitForFunction(() => location.hash === '');
    await page.type('#q', 'gira', { delay: 150 });
    await page.waitForFunction(() => location.hash === '#q=gira');
    expect(await page.$eval('[data-count]', (e) => e.textContent)).toBe(`${entries.filter((e) => text(e).includes('gira')).length} of ${N}`);
    await page.press('#q', 'Backspace');
    await page.press('#q', 'Backspace');
    await page.press('#q', 'Backspace');
    await page.waitForFunction(() => location.hash === '#q=g');
    const g = entries.filter((e) => text(e).includes('g')).length;
    expect(g).toBeGreaterThan(entries.filter((e) => text(e).includes('gira')).length * 10);
    expect(await page.$eval('[data-count]', (e) => e.textContent)).toBe(`${g} of ${N}`);
    // Scrolling far down renders the cards there, and still only a screenful.
    await page.fill('#q', '');
    await page.waitForFunction(() => location.hash === '');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await page.waitForFunction(() => !document.querySelector('[data-sample="main_000000"]'));
    expect(await page.$$eval('#grid [data-sample]', (c) => c.length)).toBeLessThan(120);
    // The synthetic run has no picture files: only their thumbnails may fail to load.
    expect(errors.filter((e) => !e.includes('ERR_FILE_NOT_FOUND')).slice(0, 3)).toEqual([]);
    await page.close();
  });
});
