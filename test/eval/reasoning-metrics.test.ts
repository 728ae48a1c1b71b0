// One model's reasoning counts over hand-built samples, through evaluate(): metrics.json's block, the table, samples.jsonl.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/eval/evaluate.js';
import type { Prediction } from '../../src/eval/read-pred.js';
import { sampleRecord } from '../../src/eval/records.js';
import { reasoningTables } from '../../src/eval/reasoning-table.js';
import { comparisonMarkdown } from '../../src/eval/table.js';
import { CANDIDATES, gtSample, prediction, response, think } from './_reasoning-cases.js';

const P = (n: number) => CANDIDATES[n - 1];

// s1 attribute  truth P2   ✅ P2, box on P2                      faithful
// s2 attribute  truth P2   ✅ P2, box on P4                      unfaithful
// s3 rejection  no truth   ✅ P3, "no such thing", no box        unfaithful, says none but marks
// s4 position   truth P1   Person 9 named, ✅ P1, box on P1       faithful, hallucinated 1 (Person 9)
// s5 position   truth P1   no prediction line                    not counted at all
// s6 position   truth P1   no mark at all, no tags, box on P1    a response, not judged; no <think>, no <answer>
const truth = [
  gtSample({ id: 's1', key: 's:s1', position: 0 }),
  gtSample({ id: 's2', key: 's:s2', position: 1 }),
  gtSample({ id: 's3', key: 's:s3', position: 2, domain: 'rejection', subDomain: 'rejection', answers: [] }),
  gtSample({ id: 's4', key: 's:s4', position: 3, domain: 'position', answers: [P(1)] }),
  gtSample({ id: 's5', key: 's:s5', position: 4, domain: 'position', answers: [P(1)] }),
  gtSample({ id: 's6', key: 's:s6', position: 5, domain: 'position', answers: [P(1)] }),
];
const pred = (id: string, boxes: number[][], raw: string): [string, Prediction] => [`s:${id}`, prediction(id, boxes, raw)];
const byKey = new Map<string, Prediction>([
  pred('s1', [P(2)], response(think(['❌', '✅', '❌', '❌']), [P(2)])),
  pred('s2', [P(4)], response(think(['❌', '✅', '❌', '❌']), [P(4)])),
  pred('s3', [], response(think(['❌', '❌', '✅', '❌']), 'none')),
  pred('s4', [P(1)], response(think(['✅', '❌', '❌', '❌'], { extra: ['- Person 9: far back → ❌'] }), [P(1)])),
  pred('s6', [P(1)], 'I looked and picked one: [0, 0, 10, 10]'),
]);

describe('reasoning metrics of one model', () => {
  const ev = evaluate(truth, [{ name: 'M', byKey }]);
  const r = ev.metrics[0].reasoning!;

  it('counts faithful over judged, overall and per domain, and lists the unfaithful ids', () => {
    // responses: s1 s2 s3 s4 s6 = 5; judged: s1 s2 s3 s4 = 4; faithful: s1 s4 = 2 -> 2 / 4
    expect(r).toMatchObject({ responses: 5, judged: 4, faithful: 2, faithful_rate: 0.5, unfaithful_ids: ['s2', 's3'] });
    expect({ ...r.domains }).toEqual({
      attribute: { responses: 2, judged: 2, faithful: 1, faithful_rate: 0.5 },
      position: { responses: 2, judged: 1, faithful: 1, faithful_rate: 1 },
      rejection: { responses: 1, judged: 1, faithful: 0, faithful_rate: 0 },
    });
  });

  it('counts the other checks per response', () => {
    expect(r.hallucinated).toEqual({ samples: 1, mentions: 1 });
    // s6 has no tags and no think text: no planning, no steps, no summary
    expect(r.missing).toEqual({ planning: 1, steps: 1, summary: 1, think_tag: 1, answer_tag: 1 });
    expect(r.format_reward_zero).toBe(1);
    expect(r.abstention).toEqual({ says_none_but_marks: 1, gives_boxes_but_marks_none: 0 });
    // s6 has no <answer>: the one list eval.py reads, [0, 0, 10, 10], stands outside any answer
    expect(r.boxes_from_reasoning).toBe(1);
  });

  it('leaves upstream numbers as they were: the reasoning block sits beside them', () => {
    expect(Object.keys(ev.metrics[0].metrics)).toEqual(['overall', 'domains', 'box_count', 'box_count_overall', 'rejection']);
  });

  it('prints a faithfulness row per domain and model, then All Data, after upstream tables', () => {
    const t = reasoningTables([{ name: 'M', reasoning: r }]);
    expect(t.faithfulRows).toEqual([
      ['attribute', 'M', '2', '2', '1', '0.500'],
      ['position', 'M', '2', '1', '1', '1.000'],
      ['rejection', 'M', '1', '1', '0', '0.000'],
      ['All Data', 'M', '5', '4', '2', '0.500'],
    ]);
    expect(t.checkRows).toEqual([['M', '1', '1', '1', '1', '1', '1', '1', '1', '0', '1', '0']]);
    const md = comparisonMarkdown(ev.metrics);
    expect(md.indexOf('## Reasoning: faithfulness')).toBeGreaterThan(md.indexOf('## Comparative Box Count Metrics'));
  });

  it('writes each sample’s judgement into its samples.jsonl record', () => {
    const s2 = sampleRecord(ev.samples[1], ['M']).models.M.reasoning;
    expect(s2).toMatchObject({ judged: true, faithful: false, reasoning_chose: [2], answer_chose: [4], boxes_on_no_candidate: 0, hallucinated: [], missing: [], abstention: null, noun: 'Person' });
    expect(sampleRecord(ev.samples[3], ['M']).models.M.reasoning!.hallucinated).toEqual(['Person 9']);
    expect(sampleRecord(ev.samples[4], ['M']).models.M.reasoning).toBeNull();
    expect(sampleRecord(ev.samples[5], ['M']).models.M.reasoning!.missing).toEqual(['planning', 'steps', 'summary', 'think_tag', 'answer_tag']);
  });
});
