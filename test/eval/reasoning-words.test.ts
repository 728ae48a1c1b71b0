// The reasoning checks of one sample in words: the picture's header sentences and its footer notes.
import { describe, expect, it } from 'vitest';
import type { ReasoningJudgement } from '../../src/eval/reasoning.js';
import { reasoningHeaderLines, reasoningNotes } from '../../src/eval/reasoning-words.js';

const agree: ReasoningJudgement = {
  judged: true, reasoningChose: [2], answerChose: [2], offCandidate: 0, faithful: true, hallucinated: [], missing: { planning: false, steps: false, summary: false, thinkTag: false, answerTag: false },
  formatRewardZero: false, abstention: null, boxesFromReasoning: [], noun: 'Person',
};

describe('reasoningHeaderLines', () => {
  it('says nothing when the reasoning and the answer agree, or when there is no judgement', () => {
    expect(reasoningHeaderLines(agree, 5)).toEqual([]);
    expect(reasoningHeaderLines(null, 5)).toEqual([]);
  });

  it('names what each chose when unfaithful, with boxes on no candidate, in the noun of the reasoning', () => {
    expect(reasoningHeaderLines({ ...agree, faithful: false, reasoningChose: [1, 3], answerChose: [2], offCandidate: 2, noun: 'Helmet' }, 5)).toEqual([
      'unfaithful: the reasoning chose Helmet 1, Helmet 3, the answer chose Helmet 2 and 2 boxes on no candidate',
    ]);
    expect(reasoningHeaderLines({ ...agree, faithful: false, reasoningChose: [], answerChose: [], offCandidate: 1 }, 5)).toEqual([
      'unfaithful: the reasoning chose none (no ✅), the answer put 1 box on no candidate',
    ]);
    expect(reasoningHeaderLines({ ...agree, faithful: false, answerChose: [] }, 5)).toEqual(['unfaithful: the reasoning chose Person 2, the answer chose none (no box)']);
  });

  it('lists candidates named past the hint, and an abstention the reasoning contradicts', () => {
    expect(reasoningHeaderLines({ ...agree, hallucinated: [{ noun: 'Person', number: 9 }] }, 1)).toEqual(['hallucinated: Person 9 (the hint has 1 candidate)']);
    expect(reasoningHeaderLines({ ...agree, abstention: 'none-but-marked' }, 5)).toEqual(['the answer says there is no such thing, yet the reasoning marks Person 2 ✅']);
    expect(reasoningHeaderLines({ ...agree, abstention: 'boxes-but-unmarked' }, 5)).toEqual(['the reasoning marks no one ✅, yet the answer chose Person 2']);
  });
});

describe('reasoningNotes', () => {
  it("notes boxes read from raw_response, and boxes eval.py's regex took from the reasoning", () => {
    expect(reasoningNotes({ rawResponse: '<answer>[[1, 2, 3, 4]]</answer>' }, agree)).toEqual([]);
    const notes = reasoningNotes({ rawResponse: 'no boxes at all', scoredFromRaw: true }, { ...agree, boxesFromReasoning: [1, 3] });
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^no extracted_predictions: the boxes are read from raw_response as eval\.py reads them and scaled from the model's input size \(smart_resize\)/);
    expect(notes[1]).toBe("eval.py's regex took box #1, #3 from outside <answer> (the reasoning): every [x0, y0, x1, y1] in the response is scored as a predicted box");
  });
});
