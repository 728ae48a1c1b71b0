// Drives the distribution's chromium (never a downloaded browser) through playwright-core, or says why not.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll } from 'vitest';
import { tempDir } from '../cli.js';
import { findChromium } from './chromium.mjs';

/** CHROMIUM_PATH, else the usual install places; null when there is no browser on this machine. */
export const CHROMIUM: string | null = findChromium();
export const SKIP_MESSAGE = "browser tests skipped: no chromium found; install Debian's chromium or set CHROMIUM_PATH";
if (!CHROMIUM) console.log(SKIP_MESSAGE);

let shared: Promise<Browser> | undefined;

/**
 * This test process's Chromium, launched by the first file that asks (~1 s of CPU a launch). Files share it, one after
 * another: each test works in pages of its own (a page is a fresh browser context), and `viewerFolder` closes what a
 * file left open when it ends. Chromium leaves with the process (its control pipe closes).
 */
export async function launch(): Promise<Browser> {
  const running = await shared?.catch(() => undefined);
  if (running?.isConnected()) return running;
  // --no-sandbox: CI runs as root, where chromium refuses its sandbox.
  shared = chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
  return shared;
}

export interface ViewerFolder {
  /** The folder `write` filled (set before the tests run). */
  dir: string;
  browser: Browser;
  /** file:// URL of the folder's index.html, with an optional `#hash`. */
  url(hash?: string): string;
}

/** Inside a describe: a temp folder filled by `write`, and a browser; made before its tests, removed after. */
export function viewerFolder(prefix: string, write: (dir: string) => Promise<void>): ViewerFolder {
  const folder: ViewerFolder = {
    dir: '',
    browser: undefined as unknown as Browser,
    url: (hash = '') => `${pathToFileURL(join(folder.dir, 'index.html')).href}${hash}`,
  };
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ dir: folder.dir, cleanup } = await tempDir(prefix));
    await write(folder.dir);
    folder.browser = await launch();
  });
  afterAll(async () => {
    // What the file's tests left open (each page is a context of its own); the next file finds the browser empty.
    await Promise.all(folder.browser?.contexts().map((context) => context.close()) ?? []);
    await cleanup?.();
  });
  return folder;
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

/** The `data-sample` names of the grid's cards on screen, in reading order (row by row, left to right). */
export function cardNames(page: Page): Promise<string[]> {
  return page.$$eval('#grid [data-sample]', (cards) =>
    cards
      .map((c) => {
        const [x, y] = (c as HTMLElement).style.transform.match(/-?[\d.]+/g)!.map(Number);
        return { name: (c as HTMLElement).dataset.sample!, x, y };
      })
      .sort((a, b) => a.y - b.y || a.x - b.x)
      .map((c) => c.name),
  );
}
