// A row of upstream's custom GRPO format in the viewer: a "no reasoning" badge and kind instead of consistent /
// inconsistent, and the sample view says what the row answers instead of "nobody (rejection)" and an empty panel.
import { describe, expect, it } from 'vitest';
import { NO_REASONING_KIND, type ViewerEntry } from '../../src/viewer/types.js';
import { writeViewer } from '../../src/viewer/writer.js';
import { cardNames, CHROMIUM, openPage, viewerFolder } from './browser.js';

const row = (index: number, hint: boolean): ViewerEntry => ({
  name: `rows_${String(index).padStart(6, '0')}`,
  split: 'rows',
  index,
  status: 'rendered',
  expressions: [`row ${index}`],
  candidates: 2,
  verdictCounts: { '✅': 0, '❌': 0, '⚠️': 0, none: 2 },
  consistent: true,
  rejection: false,
  warnings: [],
  kinds: [NO_REASONING_KIND],
  detail: {
    image: { width: 200, height: 100 },
    candidates: [
      { person: 1, box: [10, 10, 60, 90], verdict: null, target: false },
      { person: 2, box: [100, 10, 160, 90], verdict: null, target: hint, ...(hint ? { color: '#1f6fd1' } : {}) },
    ],
    ...(hint ? {} : { predicted: [{ box: [98, 12, 158, 88] as [number, number, number, number], label: 'ans', color: '#1f6fd1' }] }),
    regionMap: [{ expression: `row ${index}`, targets: hint ? [2] : [] }],
    cotTargets: [],
    reasoning: '',
    mentions: [],
    lines: [],
  },
});
// A HumanRef-CoT sample beside them keeps its consistency badge.
const cot: ViewerEntry = { ...row(2, true), name: 'main_000000', split: 'main', index: 0, kinds: undefined, consistent: false };

describe.skipIf(!CHROMIUM)('rows without reasoning', () => {
  const folder = viewerFolder('viewer-no-reasoning', async (dir) => {
    await writeViewer(dir, [row(0, false), row(1, true), cot]);
  });

  it('badge and kind filter say "no reasoning"; the sample view names the answer', async () => {
    const { page, errors } = await openPage(folder.browser, folder.url());
    const badges = (name: string) => page.$$eval(`[data-sample="${name}"] .badges .badge`, (bs) => bs.map((b) => b.textContent));
    expect(await badges('rows_000000')).toEqual(['no reasoning']);
    expect(await badges('main_000000')).toEqual(['inconsistent']);
    await page.check(`input[data-kind="${NO_REASONING_KIND}"]`);
    expect(await cardNames(page)).toEqual(['rows_000000', 'rows_000001']);

    for (const [name, says] of [['rows_000000', '“row 0” → ans: none of the hints exactly (drawn dashed)'], ['rows_000001', '“row 1” → ans: Person 2']]) {
      await page.goto(folder.url(`#${name}`));
      await page.waitForSelector(`#app[data-loaded="${name}"]`);
      expect(await page.$$eval('#sampleview .sample .counts .badge', (bs) => bs.map((b) => b.textContent))).toEqual(['no reasoning']);
      const targets = await page.$eval('#sampleview .targets', (t) => (t as HTMLElement).innerText);
      expect(targets).toBe(`${says}\nNo reasoning: rows of upstream's custom GRPO format carry none.`);
      expect(await page.$eval('#sampleview .reasoning', (r) => r.textContent)).toBe("No reasoning: rows of upstream's custom GRPO format carry none.");
    }
    expect(await page.$$eval('#sampleview .pred', (p) => p.length)).toBe(0);
    await page.goto(folder.url('#rows_000000'));
    await page.waitForSelector('#app[data-loaded="rows_000000"]');
    expect(await page.$$eval('#sampleview .pred', (p) => p.length)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
