// Drives the distribution's chromium (never a downloaded browser) through playwright-core, or says why not.
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { findChromium } from './chromium.mjs';

/** CHROMIUM_PATH, else the usual install places; null when there is no browser on this machine. */
export const CHROMIUM: string | null = findChromium();
export const SKIP_MESSAGE = "browser tests skipped: no chromium found; install Debian's chromium or set CHROMIUM_PATH";
if (!CHROMIUM) console.log(SKIP_MESSAGE);

export function launch(): Promise<Browser> {
  // --no-sandbox: CI runs as root, where chromium refuses its sandbox.
  return chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
}

/** A page that records console errors and uncaught exceptions, so a test can assert there were none. */
export async function openPage(browser: Browser, url: string, viewport = { width: 1400, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('#app[data-ready="1"]');
  return { page, errors };
}

export interface Pixels {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number];
}

export async function pixels(png: Buffer): Promise<Pixels> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    at: (x, y) => {
      const i = (Math.round(y) * info.width + Math.round(x)) * 3;
      return [data[i], data[i + 1], data[i + 2]];
    },
  };
}

/** Counts the pixels of a screenshot that pass `test` (e.g. "clearly green"). */
export async function countPixels(png: Buffer, test: (r: number, g: number, b: number) => boolean): Promise<number> {
  const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  for (let i = 0; i < data.length; i += 3) if (test(data[i], data[i + 1], data[i + 2])) n++;
  return n;
}
