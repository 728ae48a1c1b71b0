// The reasoning checks through a whole eval run on fixtures/eval/pred_reasoning.jsonl (cases in fixtures/gen/eval-reasoning.mjs):
// metrics.json, metrics.md, samples.jsonl and the viewer kinds.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvalViewerEntry } from '../../src/eval/viewer-entry.js';
import { EVAL_DIR, fixtureEval } from './fixture-eval.js';
/** The reasoning model's eval, its viewer entries handed to `into`. */
const reasoningEval = (dir: string, selection: Parameters<typeof fixtureEval>[2], into: EvalViewerEntry[]) =>
  fixtureEval(dir, { R: 'pred_reasoning.jsonl' }, selection, async (_dir, entries) => void into.push(...entries));

let out: string;
const handed: EvalViewerEntry[] = [];
let code: number;
beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'humanref-vis-eval-reasoning-'));
  // attr-002 (unfaithful) and inter-002 (Person 9 of 5)
  code = await reasoningEval(out, { indices: [1, 6], numVis: 'all', seed: 0, filter: { only: [] } }, handed);
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('an eval run of the reasoning model', () => {
  it('writes the reasoning block beside upstream numbers in metrics.json', async () => {
    expect(code).toBe(0);
    const r = JSON.parse(await readFile(path.join(out, 'metrics.json'), 'utf8')).models.R.reasoning;
    // 8 lines, each with marks; unfaithful: attr-002 (2 vs 4), reas-001 (5 vs 3 and 5), rej-001 (3 vs none)
    expect(r).toMatchObject({ responses: 8, judged: 8, faithful: 5, faithful_rate: 5 / 8, unfaithful_ids: ['attr-002', 'reas-001', 'rej-001'] });
    expect(r.domains.rejection).toEqual({ responses: 2, judged: 2, faithful: 1, faithful_rate: 0.5 });
    expect(r).toMatchObject({
      hallucinated: { samples: 1, mentions: 1 },
      format_reward_zero: 1, // celeb-001: text before <think>
      abstention: { says_none_but_marks: 1, gives_boxes_but_marks_none: 0 },
      boxes_from_reasoning: 1, // reas-001
      scored_from_raw_response: 1, // pos-001
    });
  });

  it('scores the raw_response-only line from its own answer box, rescaled from 616×364 to 560×320', async () => {
    const records = (await readFile(path.join(out, 'samples.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const pos = records.find((s) => s.id === 'pos-001').models.R;
    expect(pos).toMatchObject({ has_prediction: true, predicted_boxes: 1, recall_50: 1, precision_50: 1 });
    expect(pos.reasoning).toMatchObject({ faithful: true, reasoning_chose: [2], answer_chose: [2] });
    expect(records.find((s) => s.id === 'inter-002').models.R.reasoning.hallucinated).toEqual(['Person 9']);
    const md = await readFile(path.join(out, 'metrics.md'), 'utf8');
    expect(md).toMatch(/\| All Data +\| R +\| 8 +\| 8 +\| 5 +\| 0\.625 +\|/);
  });

  it('hands the viewer the kinds unfaithful and hallucinated', () => {
    expect(handed.map((e) => [e.name, e.kinds])).toEqual([
      ['eval_attr-002_R', ['attribute', 'wrong', 'missed', 'false-alarm', 'unfaithful']],
      ['eval_inter-002_R', ['interaction', 'hallucinated']],
    ]);
  });

  it('--only unfaithful,hallucinated draws exactly the unfaithful and the hallucinating samples', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'humanref-vis-eval-only-'));
    const picked: EvalViewerEntry[] = [];
    try {
      const only = async (kinds: ('unfaithful' | 'hallucinated')[]) => {
        picked.length = 0;
        const exit = await reasoningEval(dir, { numVis: 'all', seed: 0, filter: { only: kinds } }, picked);
        expect(exit).toBe(0);
        return picked.map((e) => e.name);
      };
      // The unfaithful ids of metrics.json above, and inter-002's Person 9 of 5.
      expect(await only(['unfaithful'])).toEqual(['eval_attr-002_R', 'eval_reas-001_R', 'eval_rej-001_R']);
      expect(await only(['hallucinated'])).toEqual(['eval_inter-002_R']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
