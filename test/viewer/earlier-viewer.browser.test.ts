// An earlier viewer-index.js or viewer-text.js broken by hand (or by another tool) is checked when a later run merges
// it: the run finishes, says what it left out, keeps the file as it was, and the merged page loads in chromium.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ViewerEntry } from '../../src/viewer/types.js';
import { writeViewer } from '../../src/viewer/writer.js';
import { tempDir } from '../cli.js';
import { cardNames, CHROMIUM, launch, openPage } from './browser.js';

const entry = (name: string): ViewerEntry => ({
  name,
  split: 'main',
  index: Number(name.slice(-1)),
  status: 'rendered',
  file: `${name}.png`,
  expressions: [`expression of ${name}`],
  candidates: 1,
  verdictCounts: { '✅': 1, '❌': 0, '⚠️': 0, none: 0 },
  consistent: true,
  rejection: false,
  warnings: [],
  searchText: `Reasoning of ${name}`,
});

/** What a hand edit does to the folder after the first run. */
const BROKEN: [string, string, (index: string, text: string) => { index: string; text: string }][] = [
  ['"title": 42', 'title', (index, text) => ({ index: index.replace('"title":"humanref-vis eval"', '"title":42'), text })],
  ['a row whose expressions is not a list', 'entries[0].expressions', (index, text) => ({ index: index.replace('["expression of main_1"]', '"not a list"'), text })],
  ['"runs": [null]', 'runs[0]', (index, text) => ({ index: index.replace(/"runs":\[\{[^\]]*\}\]/, '"runs":[null]'), text })],
  ['a duplicated __proto__ key in viewer-text.js', 'line 2', (index, text) => ({ index, text: text.replace('{\n', '{\n"__proto__":"a",\n"__proto__":"b",\n') })],
];

describe.skipIf(!CHROMIUM)('merging a broken earlier viewer', () => {
  it.each(BROKEN)('%s: the run finishes, warns, keeps the file, and the page loads with every picture', async (_label, named, breakIt) => {
    const { dir, cleanup } = await tempDir('viewer-broken');
    const browser = await launch();
    try {
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer();
      for (const n of ['main_1', 'main_2', 'main_3']) await writeFile(join(dir, `${n}.png`), png);
      await writeViewer(dir, [entry('main_1'), entry('main_2')], { title: 'humanref-vis eval', run: { run: 'first' } });
      const index = await readFile(join(dir, 'viewer-index.js'), 'utf8');
      const text = await readFile(join(dir, 'viewer-text.js'), 'utf8');
      const broken = breakIt(index, text);
      expect(broken.index !== index || broken.text !== text).toBe(true);
      await writeFile(join(dir, 'viewer-index.js'), broken.index);
      await writeFile(join(dir, 'viewer-text.js'), broken.text);

      const warnings: string[] = [];
      await writeViewer(dir, [entry('main_3')], { run: { run: 'second' }, onWarning: (w) => warnings.push(w) });
      expect(warnings.join('\n')).toContain(named);
      expect(warnings.join('\n')).toMatch(/kept as .*unreadable-\d+\.js/);

      const { page, errors } = await openPage(browser, `file://${join(dir, 'index.html')}`);
      await page.waitForSelector('#app[data-text="loaded"]');
      // The row with the broken field is left out; every other picture is on the page.
      const expected = named.startsWith('entries[0]') ? ['main_2', 'main_3'] : ['main_1', 'main_2', 'main_3'];
      expect((await cardNames(page)).sort()).toEqual(expected);
      await page.fill('#q', 'reasoning of main_2');
      await page.waitForFunction(() => document.querySelector('[data-count]')?.textContent?.startsWith('1 of'));
      expect(errors).toEqual([]);
    } finally {
      await Promise.all(browser.contexts().map((context) => context.close()));
      await cleanup();
    }
  });
});
