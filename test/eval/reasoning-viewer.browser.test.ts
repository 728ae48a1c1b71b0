// `index.html#only=unfaithful` of an eval over the reasoning model lists exactly its unfaithful samples, sorted by score.
import { describe, expect, it } from 'vitest';
import { writeViewer } from '../../src/viewer/writer.js';
import { fixtureEval } from '../runs/fixture-eval.js';
import { cardNames, CHROMIUM, openPage, viewerFolder } from '../viewer/browser.js';

describe.skipIf(!CHROMIUM)('the eval viewer and the reasoning kinds', () => {
  const folder = viewerFolder('eval-reasoning-viewer', async (dir) => {
    // attr-001 attr-002 pos-001 inter-002 reas-001 rej-001: faithful, unfaithful, faithful, hallucinated, unfaithful, unfaithful
    const selection = { indices: [0, 1, 3, 6, 7, 13], numVis: 'all' as const, seed: 0, filter: { only: [] } };
    const code = await fixtureEval(dir, { R: 'pred_reasoning.jsonl' }, selection, (d, entries, run) => writeViewer(d, entries, { title: 'eval', run: { run } }), 'jpeg');
    expect(code).toBe(0);
  });

  it('lists the unfaithful samples with #only=unfaithful and the hallucinated one with #only=hallucinated', async () => {
    const { page, errors } = await openPage(folder.browser, folder.url('#only=unfaithful&sort=score'));
    // scores: attr-002 0 (missed), reas-001 about 1/3 (a false alarm beside the hit), rej-001 1 (no box on a rejection) -> highest first
    expect(await cardNames(page)).toEqual(['eval_rej-001_R', 'eval_reas-001_R', 'eval_attr-002_R']);
    await page.goto(folder.url('#only=hallucinated'));
    await page.waitForSelector('#app[data-ready="1"]');
    expect(await cardNames(page)).toEqual(['eval_inter-002_R']);
    expect(errors).toEqual([]);
  });
});
