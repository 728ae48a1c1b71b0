// The sample view names candidates with the reasoning's own noun (`Helmet 2`), and `Person` for detail files
// that carry none (earlier releases, other tools).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/index.js';
import { buildViewerEntry } from '../../src/outputs/viewer-entry.js';
import type { ViewerEntry } from '../../src/viewer/types.js';
import { writeViewer } from '../../src/viewer/writer.js';
import { HELMET_EXPRESSION, HELMET_REGION_MAP, HELMET_TRACE } from '../cot/traces.js';
import { CHROMIUM, openPage, viewerFolder } from './browser.js';

const boxes = Array.from({ length: 6 }, (_, i) => [10 + i * 30, 20, 35 + i * 30, 50] as [number, number, number, number]);

function helmetEntry(): ViewerEntry {
  const cot = parseChainOfThought(HELMET_TRACE, 6, HELMET_REGION_MAP);
  return buildViewerEntry({
    name: 'main_000001',
    split: 'main',
    index: 1,
    picture: { file: 'main_000001.png' },
    expressions: [HELMET_EXPRESSION],
    candidates: 6,
    verdictCounts: { '✅': 1, '❌': 5, '⚠️': 0, none: 0 },
    consistent: true,
    rejection: false,
    warnings: [],
    reasoning: { text: HELMET_TRACE, cot },
    view: {
      image: { width: 200, height: 80 },
      candidates: boxes.map((box, i) => ({ person: i + 1, box, verdict: cot.verdicts[i], target: i === 1 })),
      regionMap: [{ expression: HELMET_EXPRESSION, targets: [2] }],
    },
  });
}

/** The same entry as a detail file written without a noun. */
function withoutNoun(e: ViewerEntry): ViewerEntry {
  const { noun: _, ...detail } = e.detail!;
  return { ...e, name: 'main_000002', index: 2, detail };
}

describe.skipIf(!CHROMIUM)('candidate noun in the sample view', () => {
  const folder = viewerFolder('viewer-noun', async (dir) => {
    const e = helmetEntry();
    await writeViewer(dir, [e, withoutNoun(e)]);
  });

  const targetLines = (page: Page) => page.$$eval('.targets > div', (ds) => ds.map((d) => d.textContent));
  const boxTitle = (page: Page, n: number) => page.$eval(`.box[data-person="${n}"] title`, (t) => t.textContent);

  it('says Helmet 2 where the reasoning says Helmet 2: target lines and box titles', async () => {
    const { page, errors } = await openPage(folder.browser, folder.url('#main_000001'));
    await page.waitForSelector('#app[data-loaded="main_000001"]');
    expect(await targetLines(page)).toEqual([`“${HELMET_EXPRESSION}” → Helmet 2`, "reasoning's : Helmet 2"]);
    expect(await boxTitle(page, 2)).toBe('Helmet 2: target · ground-truth target');
    expect(await boxTitle(page, 5)).toBe('Helmet 5: not a target');
    expect(await page.$eval('.sample', (s) => s.textContent)).not.toMatch(/Person \d/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says Person for a detail file without a noun', async () => {
    const { page, errors } = await openPage(folder.browser, folder.url('#main_000002'));
    await page.waitForSelector('#app[data-loaded="main_000002"]');
    expect(await targetLines(page)).toEqual([`“${HELMET_EXPRESSION}” → Person 2`, "reasoning's : Person 2"]);
    expect(await boxTitle(page, 2)).toBe('Person 2: target · ground-truth target');
    expect(errors).toEqual([]);
    await page.close();
  });
});
