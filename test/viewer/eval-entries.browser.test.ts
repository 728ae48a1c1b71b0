// The eval viewer over HumanRef-CoT TSV ground truth, as the built CLI writes it: the photo is copied for the
// sample view (read again from the images TSV by offset), the split list holds splits and never model names, and
// the model is a field of its own.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIndexScript } from '../../src/viewer/data-files.js';
import { COLUMNS } from '../../src/viewer/index-schema.js';
import { cliInProcess, FIXTURES } from '../cli.js';
import { CHROMIUM, openPage, viewerFolder } from './browser.js';

const EVAL = join(FIXTURES, 'eval');

describe.skipIf(!CHROMIUM)('eval viewer over HumanRef-CoT TSVs', () => {
  const folder = viewerFolder('viewer-eval-tsv', async (dir) => {
    const pred = join(EVAL, 'pred_cot_main.jsonl');
    const r = await cliInProcess(['eval', '--data-dir', join(FIXTURES, 'sample'), '--split', 'main', '--pred', pred, pred, '--names', 'M,N', '--indices', '1,2', '--output-dir', dir], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  });

  it('stores the model in its own column and the split as the split', async () => {
    const index = (await readIndexScript(join(folder.dir, 'viewer-index.js')))!;
    const at = (c: string) => COLUMNS.indexOf(c as (typeof COLUMNS)[number]);
    expect(index.columns).toEqual(COLUMNS);
    expect(index.entries.map((e) => [e[at('name')], e[at('split')], e[at('model')]])).toEqual([
      ['eval_main_1_M', 'main', 'M'],
      ['eval_main_1_N', 'main', 'N'],
      ['eval_main_2_M', 'main', 'M'],
      ['eval_main_2_N', 'main', 'N'],
    ]);
  });

  it('lists splits, not models, under "all splits"', async () => {
    const { page, errors } = await openPage(folder.browser, folder.url());
    expect(await page.$$eval('#split option', (o) => o.map((x) => x.textContent))).toEqual(['all splits', 'main']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows in each grid card the photo with the ground-truth candidates and the model boxes (dashed) of its sample view', async () => {
    const { page, errors } = await openPage(folder.browser, folder.url());
    await page.waitForFunction(() => document.querySelectorAll('#grid [data-thumb="pending"]').length === 0);
    const inCards = await page.$$eval('#grid .card', (cs) =>
      cs.map((c) => {
        const thumb = c.querySelector<HTMLElement>('[data-thumb]')!;
        const paths = [...thumb.querySelectorAll('path')];
        const dashed = paths.filter((p) => p.hasAttribute('stroke-dasharray')).length;
        return [(c as HTMLElement).dataset.sample!, thumb.dataset.thumb, thumb.querySelector('image')?.getAttribute('href'), paths.length - dashed, dashed] as const;
      }),
    );
    expect(inCards).toHaveLength(4);
    for (const [name, state, href, solid, dashed] of inCards) {
      expect([state, href], name).toEqual(['photo', expect.stringMatching(new RegExp(`^viewer-data/${name}\\.(jpg|png)$`))]);
      await page.goto(folder.url(`#${name}`));
      await page.waitForSelector(`#app[data-loaded="${name}"]`);
      expect([solid, dashed], name).toEqual([await page.$$eval('.figure .box', (b) => b.length), await page.$$eval('.figure .pred', (b) => b.length)]);
    }
    expect(inCards.some(([, , , solid, dashed]) => solid > 0 && dashed > 0)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the photo under the boxes, not a grey field', async () => {
    const photos = (await readdir(join(folder.dir, 'viewer-data'))).filter((f) => /\.(jpg|png|webp|gif)$/.test(f));
    expect(photos.sort()).toEqual(['eval_main_1_M', 'eval_main_1_N', 'eval_main_2_M', 'eval_main_2_N'].map((n) => expect.stringMatching(new RegExp(`^${n}\\.(jpg|png)$`))));
    const { page, errors } = await openPage(folder.browser, folder.url('#eval_main_1_M'));
    await page.waitForSelector('.figure img.photo');
    await page.waitForFunction(() => (document.querySelector('.figure img.photo') as HTMLImageElement).complete);
    expect(await page.$eval('.figure img.photo', (i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await page.$$('.figure .photo.blank')).toHaveLength(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
