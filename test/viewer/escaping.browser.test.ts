// Data that looks like markup stays text in the viewer: expressions, reasoning, warnings, errors, run info, title.
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ViewerEntry } from '../../src/viewer/types.js';
import { writeViewer } from '../../src/viewer/writer.js';
import { CHROMIUM, openPage, viewerFolder } from './browser.js';

const SCRIPT = '</script><script>window.pwned = 1</script>';
const IMG = '<img src=x onerror="window.pwned = 2">';
const HOSTILE = `${SCRIPT} ${IMG} & "q" 'q'`;


async function hostileEntry(): Promise<ViewerEntry> {
  const png = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#888' } }).png().toBuffer();
  const reasoning = `Planning ${HOSTILE}\n# Step 1: ${SCRIPT}\n- Person 1: ${IMG} → ✅\n- Person 2: ${HOSTILE} → ❌`;
  const at = (text: string) => reasoning.indexOf(text);
  return {
    name: 'main_000001',
    split: 'main',
    index: 1,
    status: 'rendered',
    file: 'main_000001.png',
    imageKey: HOSTILE,
    expressions: [HOSTILE, IMG],
    candidates: 2,
    verdictCounts: { '✅': 1, '❌': 1, '⚠️': 0, none: 0 },
    consistent: false,
    rejection: false,
    warnings: [HOSTILE],
    kinds: ['<b>bold</b>'],
    score: 0.5,
    searchText: reasoning,
    detail: {
      image: { width: 80, height: 60 },
      candidates: [
        { person: 1, box: [5, 5, 40, 55], verdict: '✅', target: true },
        { person: 2, box: [42, 5, 75, 55], verdict: '❌', target: false, color: 'red;background:url(x)' },
      ],
      predicted: [{ box: [10, 10, 30, 30], label: HOSTILE }],
      regionMap: [{ expression: HOSTILE, targets: [1] }],
      cotTargets: [1],
      reasoning,
      mentions: [
        { start: at('Person 1'), end: at('Person 1') + 8, person: 1 },
        { start: at('Person 2'), end: at('Person 2') + 8, person: 2 },
      ],
      lines: [],
    },
    image: { bytes: png, format: 'png' },
  };
}

describe.skipIf(!CHROMIUM)('escaping in the viewer', () => {
  const folder = viewerFolder('viewer-esc', async (dir) => {
    const failed: ViewerEntry = { name: 'main_000002', split: 'main', index: 2, status: 'failed', error: HOSTILE, expressions: [], candidates: 0, verdictCounts: { '✅': 0, '❌': 0, '⚠️': 0, none: 0 }, consistent: true, rejection: false, warnings: [] };
    await writeViewer(dir, [await hostileEntry(), failed], { title: HOSTILE, run: { command: HOSTILE, [IMG]: SCRIPT } });
    await sharp({ create: { width: 8, height: 6, channels: 3, background: '#888' } }).png().toFile(join(dir, 'main_000001.png'));
  });

  it('shows markup from the data as text in the grid, the header, the sample view and search, and runs none of it', async () => {
    const base = folder.url();
    const { page, errors } = await openPage(folder.browser, base);
    await page.waitForSelector('#app[data-text="loaded"]');
    expect(await page.title()).toBe(HOSTILE);
    expect(await page.$eval('[data-sample="main_000001"] .expr', (e) => e.textContent)).toBe(`${HOSTILE} | ${IMG}`);
    expect(await page.$eval('[data-sample="main_000002"] .error', (e) => e.textContent)).toBe(HOSTILE);
    expect(await page.$eval('#runs', (e) => e.textContent)).toContain(SCRIPT);
    // Searching for the markup itself finds it as text.
    await page.fill('#q', 'onerror="window.pwned');
    await page.waitForFunction(() => location.hash.startsWith('#q='));
    expect(await page.$eval('[data-count]', (e) => e.textContent)).toBe('1 of 2');

    await page.goto(`${base}#main_000001`);
    await page.waitForSelector('#app[data-loaded="main_000001"]');
    expect(await page.$$eval('.sexpr', (els) => els.map((e) => e.textContent))).toEqual([HOSTILE, IMG]);
    const reasoning = await page.$eval('.reasoning', (e) => (e as HTMLElement).innerText);
    expect(reasoning).toContain(SCRIPT);
    expect(reasoning).toContain(IMG);
    expect(await page.$eval('.pred text', (e) => e.textContent)).toBe(HOSTILE);
    expect(await page.$eval('.warnings', (e) => e.textContent)).toBe(HOSTILE);

    // Nothing ran, and no element came from the data.
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.$$eval('img[src="x"], b', (els) => els.length)).toBe(0);
    expect(await page.$$eval('script', (els) => els.filter((s) => s.textContent?.includes('pwned')).length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
