// The sample view's overlay: number tags above every line (model boxes too), nothing drawn outside the photo.
import { describe, expect, it } from 'vitest';
import type { ViewerEntry } from '../../src/viewer/types.js';
import { writeViewer } from '../../src/viewer/writer.js';
import { CHROMIUM, openPage, pixels, viewerFolder } from './browser.js';

// A 200×100 blank field: Person 1's tag sits at its box's top-left corner (20, 20); the model's box has its
// left side at x = 24, right through that tag; Person 2 reaches 60 px past the right border; Person 3 has no width.
const entry: ViewerEntry = {
  name: 'A_0',
  split: 'A',
  index: 0,
  status: 'rendered',
  expressions: ['overlay'],
  candidates: 3,
  verdictCounts: { '✅': 1, '❌': 2, '⚠️': 0, none: 0 },
  consistent: true,
  rejection: false,
  warnings: [],
  detail: {
    image: { width: 200, height: 100 },
    candidates: [
      { person: 1, box: [20, 20, 80, 90], verdict: '✅', target: true },
      { person: 2, box: [150, 30, 260, 80], verdict: '❌', target: false },
      { person: 3, box: [120, 40, 120, 95], verdict: '❌', target: false },
    ],
    predicted: [{ box: [24, 10, 70, 95], color: '#0000ff' }],
    regionMap: [],
    cotTargets: [1],
    reasoning: 'Person 1 → ✅',
    mentions: [{ start: 0, end: 8, person: 1 }],
    lines: [],
  },
};

describe.skipIf(!CHROMIUM)('sample view overlay', () => {
  const folder = viewerFolder('viewer-overlay', async (dir) => {
    await writeViewer(dir, [entry]);
  });

  it('keeps a number tag above a model box crossing it, and draws nothing of a box outside the photo', async () => {
    const { page, errors } = await openPage(folder.browser, folder.url('#A_0'));
    await page.waitForSelector('#app[data-loaded="A_0"]');
    const fig = (await page.$eval('.figure', (f) => f.getBoundingClientRect().toJSON())) as DOMRect;
    const scale = fig.width / 200;
    // What sits on top where the model box's left side crosses Person 1's tag.
    const onTop = await page.evaluate(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit?.closest('.label, .pred')?.getAttribute('class') ?? null;
    }, [fig.x + 24 * scale, fig.y + 24 * scale]);
    expect(onTop).toBe('label');
    // Right of the photo, at the height of Person 2's box: the page, not the box's red.
    const shot = await pixels(await page.screenshot());
    const [r, g, b] = shot.at(fig.x + fig.width + 20, fig.y + 30 * scale);
    expect(r > 200 && g > 200 && b > 200).toBe(true);
    const [ri, gi, bi] = shot.at(fig.x + fig.width - 1.5, fig.y + 30 * scale);
    expect(ri > gi + 60 && ri > bi + 60).toBe(true); // the box's top edge is still drawn up to the border
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws a zero-width box as a line (an SVG rect of width 0 draws nothing)', async () => {
    const { page, errors } = await openPage(folder.browser, folder.url('#A_0'));
    await page.waitForSelector('#app[data-loaded="A_0"]');
    const fig = (await page.$eval('.figure', (f) => f.getBoundingClientRect().toJSON())) as DOMRect;
    const scale = fig.width / 200;
    const shot = await pixels(await page.screenshot());
    const [r, g, b] = shot.at(fig.x + 120 * scale, fig.y + 75 * scale);
    expect(r > g + 60 && r > b + 60).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
