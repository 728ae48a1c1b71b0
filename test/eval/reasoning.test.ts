// The reasoning checks of one response, on hand-built cases: the expected sets and counts are read off the case.
import { describe, expect, it } from 'vitest';
import { digestResponse, judgeReasoning } from '../../src/eval/reasoning.js';
import { reasoningHeaderLines, reasoningNotes } from '../../src/eval/reasoning-words.js';
import type { XyxyBox } from '../../src/eval/metric.js';
import { parseRawResponse } from '../../src/eval/response.js';
import { CANDIDATES, response, think } from './_reasoning-cases.js';

const P = (n: number) => CANDIDATES[n - 1];

function judge(raw: string, boxes: XyxyBox[] | [[]], candidates: XyxyBox[] = CANDIDATES) {
  return judgeReasoning(candidates, boxes, digestResponse(raw));
}

describe('faithfulness', () => {
  it('is faithful when the ✅ persons are the persons the boxes land on', () => {
    const r = judge(response(think(['❌', '✅', '❌', '❌']), [P(2)]), [P(2)]);
    expect(r).toMatchObject({ judged: true, reasoningChose: [2], answerChose: [2], offCandidate: 0, faithful: true, abstention: null });
    expect(reasoningHeaderLines(r, 4)).toEqual([]);
  });

  it('is unfaithful when the reasoning chose Person 2 and the box sits on Person 4', () => {
    const r = judge(response(think(['❌', '✅', '❌', '❌']), [P(4)]), [P(4)]);
    expect(r).toMatchObject({ reasoningChose: [2], answerChose: [4], faithful: false });
    expect(reasoningHeaderLines(r, 4)).toEqual(['unfaithful: the reasoning chose Person 2, the answer chose Person 4']);
  });

  it('is unfaithful the other way round: two ✅ but one box, or a box for someone not marked', () => {
    const fewer = judge(response(think(['❌', '✅', '✅', '❌']), [P(2)]), [P(2)]);
    expect(fewer).toMatchObject({ reasoningChose: [2, 3], answerChose: [2], faithful: false });
    const more = judge(response(think(['❌', '✅', '❌', '❌']), [P(2), P(1)]), [P(2), P(1)]);
    expect(more).toMatchObject({ reasoningChose: [2], answerChose: [1, 2], faithful: false });
  });

  it('counts a box on no candidate as unfaithful, even beside the right one', () => {
    // [80, 0, 90, 10] overlaps no candidate at all.
    const r = judge(response(think(['❌', '✅', '❌', '❌']), [P(2), [80, 0, 90, 10]]), [P(2), [80, 0, 90, 10]]);
    expect(r).toMatchObject({ answerChose: [2], offCandidate: 1, faithful: false });
    expect(reasoningHeaderLines(r, 4)).toEqual(['unfaithful: the reasoning chose Person 2, the answer chose Person 2 and 1 box on no candidate']);
  });

  it('takes a box at IoU 0.5 with a candidate as on it, and one just below as off', () => {
    // [0, 0, 10, 20] holds Person 1 (100 px) in 200 px: IoU 100 / 200 = 0.5 exactly. [0, 0, 10, 21]: 100 / 210 < 0.5.
    expect(judge(response(think(['✅', '❌', '❌', '❌']), [[0, 0, 10, 20]]), [[0, 0, 10, 20]])).toMatchObject({ answerChose: [1], faithful: true });
    expect(judge(response(think(['✅', '❌', '❌', '❌']), [[0, 0, 10, 21]]), [[0, 0, 10, 21]])).toMatchObject({ answerChose: [], offCandidate: 1, faithful: false });
  });

  it('a rejection answer is faithful with no ✅, and unfaithful (and an abstention clash) with one', () => {
    expect(judge(response(think(['❌', '❌', '❌', '❌']), 'none'), [])).toMatchObject({ reasoningChose: [], answerChose: [], faithful: true, abstention: null });
    const clash = judge(response(think(['❌', '❌', '✅', '❌']), 'none'), []);
    expect(clash).toMatchObject({ reasoningChose: [3], faithful: false, abstention: 'none-but-marked' });
    expect(reasoningHeaderLines(clash, 4)).toEqual([
      'unfaithful: the reasoning chose Person 3, the answer chose none (no box)',
      'the answer says there is no such thing, yet the reasoning marks Person 3 ✅',
    ]);
    // upstream's [[]] is no box too
    expect(judge(response(think(['❌', '❌', '❌', '❌']), 'none'), [[]])).toMatchObject({ faithful: true });
  });

  it('boxes while the reasoning marks no one ✅ is the reverse abstention clash', () => {
    const r = judge(response(think(['❌', '❌', '❌', '❌']), [P(1)]), [P(1)]);
    expect(r).toMatchObject({ faithful: false, abstention: 'boxes-but-unmarked' });
    expect(reasoningHeaderLines(r, 4)[1]).toBe('the reasoning marks no one ✅, yet the answer chose Person 1');
  });

  it('does not judge a reasoning without a single final mark', () => {
    const r = judge('<think>I looked at everyone.</think><answer>None</answer>', []);
    expect(r).toMatchObject({ judged: false, faithful: null, abstention: null });
  });
});

describe('candidates past the hint', () => {
  it('finds Person 9 of 4 once, however often it is named', () => {
    const t = think(['❌', '✅', '❌', '❌'], { extra: ['- Person 9: also looked at → ❌', 'Person 9 again, and Step 12 is no candidate.'] });
    const r = judge(response(t, [P(2)]), [P(2)]);
    expect(r.hallucinated).toEqual([{ noun: 'Person', number: 9 }]);
    expect(reasoningHeaderLines(r, 4)).toEqual(['hallucinated: Person 9 (the hint has 4 candidates)']);
  });
});

describe('missing parts and tags', () => {
  it('names the planning and summary a response lacks', () => {
    const r = judge(response(think(['❌', '✅', '❌', '❌'], { planning: false, summary: false }), [P(2)]), [P(2)]);
    expect(r.missing).toEqual({ planning: true, steps: false, summary: true, thinkTag: false, answerTag: false });
    expect(r.formatRewardZero).toBe(false);
    // the step's marks still give final verdicts
    expect(r.faithful).toBe(true);
  });

  it('a response without <think> tags and with text after </answer> lacks the tag and scores 0 on the format reward', () => {
    const raw = `${think(['❌', '✅', '❌', '❌'])}<answer>[{"bbox_2d": [20, 0, 30, 10]}]</answer> Hope this helps.`;
    const r = judge(raw, [P(2)]);
    expect(r.missing.thinkTag).toBe(true);
    expect(r.missing.answerTag).toBe(false);
    expect(r.formatRewardZero).toBe(true);
    expect(r.faithful).toBe(true); // the reasoning before <answer> is still read
  });
});

describe('Helmet N', () => {
  it('reads verdicts of Helmet lines, names them Helmet and finds Helmet 7 of 6', () => {
    const six: XyxyBox[] = [...CANDIDATES, [80, 0, 90, 10], [100, 0, 110, 10]];
    const t = think(['❌', '✅', '❌', '❌', '❌', '❌'], { noun: 'Helmet', extra: ['- Helmet 7: hidden behind Helmet 6 → ❌'] });
    const r = judge(response(t, [six[3]]), [six[3]], six);
    expect(r).toMatchObject({ noun: 'Helmet', reasoningChose: [2], answerChose: [4], faithful: false });
    expect(r.hallucinated).toEqual([{ noun: 'Helmet', number: 7 }]);
    expect(reasoningHeaderLines(r, 6)).toEqual(['unfaithful: the reasoning chose Helmet 2, the answer chose Helmet 4', 'hallucinated: Helmet 7 (the hint has 6 candidates)']);
  });
});

describe('boxes eval.py took from the reasoning', () => {
  it('names the scored box whose list stands in <think>', () => {
    const t = `${think(['❌', '✅', '❌', '❌'])}\nPerson 1 stands at [0, 0, 10, 10].`;
    const raw = response(t, [P(2)]);
    // eval.py reads [0, 0, 10, 10] (reasoning) first, then [20, 0, 30, 10] (answer)
    const r = judge(raw, [P(1), P(2)]);
    expect(r.boxesFromReasoning).toEqual([1]);
    expect(r).toMatchObject({ answerChose: [1, 2], faithful: false });
    expect(reasoningNotes({ rawResponse: raw }, r)).toEqual([
      "eval.py's regex took box #1 from outside <answer> (the reasoning): every [x0, y0, x1, y1] in the response is scored as a predicted box",
    ]);
    // extracted_predictions that are not eval.py's reading of this response (another count): nothing said
    expect(judge(raw, [P(2)]).boxesFromReasoning).toEqual([]);
  });
});

describe('the digest against a parse with the sample’s own count', () => {
  it('gives the same ✅ and the same judged-or-not for every response of the eval fixtures', async () => {
    const path = await import('node:path');
    const { FIXTURES_DIR } = await import('../fixtures/cases.js');
    const { readGroundTruth } = await import('../../src/eval/read-gt.js');
    const { readPredictions } = await import('../../src/eval/read-pred.js');
    const { parseChainOfThought } = await import('../../src/cot/parse.js');
    const dir = path.join(FIXTURES_DIR, 'eval');
    const gt = new Map((await readGroundTruth(path.join(dir, 'annotations.jsonl'))).samples.map((g) => [g.key, g]));
    let compared = 0;
    for (const file of ['pred_model_a.jsonl', 'pred_model_b.jsonl', 'pred_reasoning.jsonl']) {
      for (const p of (await readPredictions(path.join(dir, file))).byKey.values()) {
        const g = gt.get(p.key);
        if (!g || !p.digest) continue;
        const full = parseChainOfThought(parseRawResponse(p.rawResponse).think, g.candidates.length, {});
        const r = judgeReasoning(g.candidates, p.boxes, p.digest);
        expect([p.id, r.reasoningChose, r.judged]).toEqual([p.id, full.cotTargets, full.verdicts.some((v) => v !== null)]);
        compared++;
      }
    }
    expect(compared).toBe(38); // 14 + 16 + 8 lines with a response and a ground-truth sample
  });
});
