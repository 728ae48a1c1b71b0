// The grid's thumbnails: the photo with its boxes, drawn from the detail file of the cards on screen only; the
// picture file shrunk when there is no photo (no detail, no photo in it, or a photo that does not load).
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ViewerEntry } from '../../src/viewer/types.js';
import { writeViewer } from '../../src/viewer/writer.js';
import { CHROMIUM, countPixels, openPage, pixels, viewerFolder } from './browser.js';

const solid = (width: number, height: number, rgb: [number, number, number]) =>
  sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } }).png().toBuffer();

const PHOTO_RGB: [number, number, number] = [0, 0, 255];
const PICTURE_RGB: [number, number, number] = [255, 0, 0];

/** A sample with a 200×100 photo: Person 1 (✅, green) at [20, 20, 80, 80], a model box (magenta, dashed) at [120, 10, 180, 90]. */
function entry(name: string, index: number, photo: Buffer | null, detail = true): ViewerEntry {
  const e: ViewerEntry = {
    name,
    split: 'A',
    index,
    status: 'rendered',
    file: `${name}.png`,
    expressions: [`sample ${index}`],
    candidates: 1,
    verdictCounts: { '✅': 1, '❌': 0, '⚠️': 0, none: 0 },
    consistent: true,
    rejection: false,
    warnings: [],
  };
  if (!detail) return e;
  e.detail = {
    image: { width: 200, height: 100 },
    candidates: [{ person: 1, box: [20, 20, 80, 80], color: '#00c800', verdict: '✅', target: true }],
    predicted: [{ box: [120, 10, 180, 90], color: '#ff00ff', label: 'IoU 0.000' }],
    regionMap: [],
    cotTargets: [1],
    reasoning: 'Person 1 → ✅',
    mentions: [{ start: 0, end: 8, person: 1 }],
    lines: [],
  };
  if (photo) e.image = { bytes: photo, format: 'png' };
  return e;
}

/** Counts, from before the page's own script runs, the detail scripts the page asks for. */
async function countDetailLoads(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { detailLoads: string[] };
    w.detailLoads = [];
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLScriptElement && n.src.includes('/viewer-data/')) w.detailLoads.push(n.src);
    }).observe(document, { childList: true, subtree: true });
  });
}

const thumbState = (page: Page, name: string) => page.$eval(`[data-sample="${name}"] [data-thumb]`, (t) => (t as HTMLElement).dataset.thumb);

describe.skipIf(!CHROMIUM)('grid thumbnails', () => {
  const folder = viewerFolder('viewer-thumbs', async (dir) => {
    const photo = await solid(200, 100, PHOTO_RGB);
    const entries = [entry('A_0', 0, photo), entry('A_1', 1, null), entry('A_2', 2, null, false), entry('A_3', 3, photo)];
    await writeViewer(dir, entries);
    // Every picture file is red: a thumbnail that shows red shows the picture, one that shows blue the photo.
    for (const e of entries) await writeFile(join(dir, e.file!), await solid(400, 300, PICTURE_RGB));
    // A_3's photo is gone from viewer-data/: its thumbnail falls back to the picture.
    await unlink(join(dir, 'viewer-data', 'A_3.png'));
  });

  it('draws the photo with its boxes in the card, in the photo’s proportions, instead of the picture shrunk', async () => {
    const { page, errors } = await openPage(folder.browser, folder.url());
    await page.waitForSelector('[data-sample="A_0"] [data-thumb="photo"]');
    await page.waitForFunction(() => {
      const img = document.querySelector('[data-sample="A_0"] [data-thumb] image');
      return img && (img as SVGImageElement).getBBox().width > 0;
    });
    expect(await page.$eval('[data-sample="A_0"] [data-thumb] image', (i) => i.getAttribute('href'))).toBe('viewer-data/A_0.png');
    const slot = (await page.$eval('[data-sample="A_0"] [data-thumb]', (t) => t.getBoundingClientRect().toJSON())) as DOMRect;
    const shot = await page.screenshot({ clip: { x: slot.x, y: slot.y, width: slot.width, height: slot.height } });
    const px = await pixels(shot);
    // The photo fits the slot (200 px high, as wide as the card): scaled by the smaller ratio, centred.
    const s = Math.min(px.width / 200, px.height / 100);
    const [ox, oy] = [(px.width - 200 * s) / 2, (px.height - 100 * s) / 2];
    const at = (x: number, y: number) => px.at(ox + x * s, oy + y * s);
    const near = (got: number[], want: number[]) => got.every((v, i) => Math.abs(v - want[i]) < 40);
    expect(near(at(50, 50), PHOTO_RGB), `inside Person 1: ${at(50, 50)}`).toBe(true);
    expect(near(at(20, 50), [0, 200, 0]), `Person 1's left side: ${at(20, 50)}`).toBe(true);
    expect(near(at(100, 50), PHOTO_RGB), `between the boxes: ${at(100, 50)}`).toBe(true);
    // The model's box is dashed magenta: some of its side is drawn, not all of it.
    const magenta = await countPixels(shot, (r, g, b) => r > 200 && g < 80 && b > 200);
    expect(magenta).toBeGreaterThan(40);
    // A_3's photo is the one that may fail to load.
    expect(errors.filter((e) => !e.includes('ERR_FILE_NOT_FOUND'))).toEqual([]);
    await page.close();
  });

  it('shows the picture when the entry has no detail, no photo in its detail, or a photo that does not load', async () => {
    const { page, errors } = await openPage(folder.browser, folder.url());
    await page.waitForFunction(() => document.querySelectorAll('#grid [data-thumb="pending"]').length === 0);
    expect(await thumbState(page, 'A_0')).toBe('photo');
    for (const name of ['A_1', 'A_2', 'A_3']) {
      expect(await thumbState(page, name), name).toBe('picture');
      expect(await page.$eval(`[data-sample="${name}"] img.thumb`, (i) => (i as HTMLImageElement).getAttribute('src')), name).toBe(`${name}.png`);
    }
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('#grid img.thumb')].every((i) => i.complete && i.naturalWidth > 0));
    const slot = (await page.$eval('[data-sample="A_3"] [data-thumb]', (t) => t.getBoundingClientRect().toJSON())) as DOMRect;
    const px = await pixels(await page.screenshot({ clip: { x: slot.x, y: slot.y, width: slot.width, height: slot.height } }));
    expect(px.at(px.width / 2, px.height / 2)).toEqual(PICTURE_RGB);
    // Only the photo that is missing may fail to load.
    expect(errors.filter((e) => !e.includes('ERR_FILE_NOT_FOUND'))).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!CHROMIUM)('grid thumbnails load lazily', () => {
  const N = 600;
  const nameOf = (i: number) => `A_${String(i).padStart(4, '0')}`;
  const folder = viewerFolder('viewer-thumbs-lazy', async (dir) => {
    const photo = await solid(200, 100, PHOTO_RGB);
    await writeViewer(dir, Array.from({ length: N }, (_, i) => entry(nameOf(i), i, photo)));
  });

  it('loads the details of the cards on screen only, none of those a fast scroll passes', async () => {
    const page = await folder.browser.newPage({ viewport: { width: 1200, height: 800 } });
    await countDetailLoads(page);
    // The page's clock is the test's: a scroll a frame at a time (16 ms) never rests, however slow the machine.
    await page.clock.install({ time: 0 });
    await page.clock.pauseAt(1000);
    await page.goto(folder.url());
    await page.waitForSelector('#app[data-ready="1"]');
    const loads = () => page.evaluate(() => (window as unknown as { detailLoads: string[] }).detailLoads.length);
    const noneWaiting = () => page.waitForFunction(() => document.querySelectorAll('#grid [data-thumb="pending"]').length === 0, undefined, { polling: 50 });
    const cards = await page.$$eval('#grid .card', (cs) => cs.length);
    expect(cards).toBeGreaterThan(4);
    expect(cards).toBeLessThan(40);
    expect(await loads()).toBe(0);
    await page.clock.runFor(200);
    await noneWaiting();
    expect(await loads()).toBe(cards);
    // Through the whole grid a frame at a time, then a rest at the bottom: the cards at rest get their photos,
    // none of the ~600 scrolled past does.
    const height = await page.evaluate(() => document.body.scrollHeight);
    for (let y = 400; y < height; y += 400) {
      await page.evaluate((to) => {
        window.scrollTo(0, to);
        window.dispatchEvent(new Event('scroll'));
      }, y);
      await page.clock.runFor(16);
    }
    expect(await loads()).toBe(cards);
    await page.evaluate(() => {
      window.scrollTo(0, document.body.scrollHeight);
      window.dispatchEvent(new Event('scroll'));
    });
    await page.clock.runFor(200);
    await page.waitForSelector(`[data-sample="${nameOf(N - 1)}"] [data-thumb="photo"]`);
    await noneWaiting();
    const atBottom = await page.$$eval('#grid .card', (cs) => cs.length);
    expect(await loads()).toBe(cards + atBottom);
    // Back to the top: the details of the first cards are still in memory, so their photos are drawn at once.
    // The scroll event is dispatched at once (a real one may arrive after the fake clock has moved on), and the
    // clock moved a frame at a time until the first card is back.
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      window.dispatchEvent(new Event('scroll'));
    });
    for (let frame = 0; frame < 20 && !(await page.$(`[data-sample="${nameOf(0)}"]`)); frame++) await page.clock.runFor(16);
    await page.waitForSelector(`[data-sample="${nameOf(0)}"]`);
    expect(await thumbState(page, nameOf(0))).toBe('photo');
    await page.close();
  });
});
