// Entries of other runs (eval): a score to sort by, extra kinds to filter by, predicted boxes drawn dashed.
import { describe, expect, it } from 'vitest';
import type { ViewerEntry } from '../../src/viewer/types.js';
import { writeViewer } from '../../src/viewer/writer.js';
import { cardNames, CHROMIUM, openPage, viewerFolder } from './browser.js';

const entry = (index: number, score: number | undefined, kinds: string[]): ViewerEntry => ({
  name: `A_${index}`,
  split: 'A',
  index,
  status: 'rendered',
  expressions: [`sample ${index}`],
  candidates: 2,
  verdictCounts: { '✅': 1, '❌': 1, '⚠️': 0, none: 0 },
  consistent: true,
  rejection: false,
  warnings: [],
  kinds,
  score,
  detail: {
    image: { width: 100, height: 80 },
    candidates: [{ person: 1, box: [5, 5, 40, 70], verdict: '✅', target: true }],
    predicted: [{ box: [50, 10, 90, 70], label: 'IoU 0.000', color: '#8250df' }],
    regionMap: [],
    cotTargets: [1],
    reasoning: 'Person 1 → ✅',
    mentions: [{ start: 0, end: 8, person: 1 }],
    lines: [],
  },
});


describe.skipIf(!CHROMIUM)('score, extra kinds and predicted boxes', () => {
  const folder = viewerFolder('viewer-score', async (dir) => {
    // An eval's rejection sample carries its domain `rejection` as a kind too.
    const rejected = { ...entry(5, 0, ['rejection', 'wrong']), rejection: true };
    await writeViewer(dir, [entry(1, 0.25, ['wrong']), entry(2, 0.9, []), entry(3, undefined, ['wrong', 'missed']), entry(4, 0.5, []), rejected]);
  });

  it('sorts by score (highest first, none last), filters by the extra kinds, and draws the model boxes dashed', async () => {
    const base = folder.url();
    const names = () => cardNames(page);
    const { page, errors } = await openPage(folder.browser, `${base}#sort=score`);
    expect(await page.inputValue('#sort')).toBe('score');
    expect(await names()).toEqual(['A_2', 'A_4', 'A_1', 'A_5', 'A_3']);
    // A kind that a built-in badge already shows is not shown twice.
    expect(await page.$$eval('[data-sample="A_5"] .badges > *', (bs) => bs.map((b) => b.textContent))).toEqual(['consistent', 'rejection', 'wrong', 'score 0']);
    expect(await page.$eval('[data-sample="A_2"] .score', (e) => e.textContent)).toBe('score 0.9');
    await page.goto(`${base}#only=wrong`);
    await page.waitForSelector('#app[data-ready="1"]');
    expect(await names()).toEqual(['A_1', 'A_3', 'A_5']);
    expect(await page.$eval('label.kind:has(input[data-kind="missed"])', (e) => e.textContent?.trim())).toBe('missed (1)');
    await page.goto(`${base}#A_1`);
    await page.waitForSelector('#app[data-loaded="A_1"]');
    expect(await page.$eval('.pred rect', (r) => getComputedStyle(r).strokeDasharray)).not.toBe('none');
    expect(await page.$eval('.pred text', (t) => t.textContent)).toBe('IoU 0.000');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sorts lowest score first for a failure hunt (none still last), from the hash and from the sort control', async () => {
    const { page, errors } = await openPage(folder.browser, `${folder.url()}#sort=score-asc`);
    expect(await page.inputValue('#sort')).toBe('score-asc');
    expect(await cardNames(page)).toEqual(['A_5', 'A_1', 'A_4', 'A_2', 'A_3']);
    expect(await page.$$eval('#sort option', (os) => os.map((o) => `${(o as HTMLOptionElement).value}: ${o.textContent}`))).toEqual([
      'index: by index',
      'candidates: most candidates first',
      'warnings: most warnings first',
      'score: highest score first',
      'score-asc: lowest score first',
    ]);
    await page.selectOption('#sort', 'score');
    await page.waitForFunction(() => location.hash === '#sort=score');
    expect(await cardNames(page)).toEqual(['A_2', 'A_4', 'A_1', 'A_5', 'A_3']);
    await page.selectOption('#sort', 'score-asc');
    await page.waitForFunction(() => location.hash === '#sort=score-asc');
    expect(await cardNames(page)).toEqual(['A_5', 'A_1', 'A_4', 'A_2', 'A_3']);
    // With a filter: the lowest-scored wrong samples first.
    await page.goto(`${folder.url()}#only=wrong&sort=score-asc`);
    await page.waitForSelector('#app[data-ready="1"]');
    expect(await cardNames(page)).toEqual(['A_5', 'A_1', 'A_3']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
