// One model's reasoning judgements -> the counts metrics.json and the reasoning table report, overall and per domain.
import { compareCodePoints } from './aggregate.js';
import type { ReasoningJudgement } from './reasoning.js';

export interface FaithfulnessCounts {
  /** Samples with a non-empty raw_response. */
  responses: number;
  /** Responses whose reasoning gives some candidate a final mark. */
  judged: number;
  faithful: number;
  /** faithful / judged; null when nothing was judged. */
  faithful_rate: number | null;
}

export interface ReasoningMetrics extends FaithfulnessCounts {
  /** Ids of the judged samples that are not faithful, in ground-truth order. */
  unfaithful_ids: (string | number)[];
  /** Per domain (sorted by code point); a map without a prototype, so any domain name is a key. */
  domains: Record<string, FaithfulnessCounts>;
  /** Responses naming a candidate past the hint's count, and the distinct (noun, number) mentions summed over them. */
  hallucinated: { samples: number; mentions: number };
  /** Responses without each part (the parser's view) or without each tag pair closed. */
  missing: { planning: number; steps: number; summary: number; think_tag: number; answer_tag: number };
  /** Responses upstream's format reward gives 0. */
  format_reward_zero: number;
  abstention: { says_none_but_marks: number; gives_boxes_but_marks_none: number };
  /** Responses where eval.py's regex read a scored box outside <answer>. */
  boxes_from_reasoning: number;
  /** Lines without extracted_predictions, scored from raw_response as eval.py reads it. */
  scored_from_raw_response: number;
}

export interface JudgedSample {
  id: string | number;
  domain: string;
  reasoning: ReasoningJudgement | null;
  scoredFromRaw: boolean;
}

function counts(samples: readonly JudgedSample[]): FaithfulnessCounts {
  const withResponse = samples.filter((s) => s.reasoning !== null);
  const judged = withResponse.filter((s) => s.reasoning!.judged).length;
  const faithful = withResponse.filter((s) => s.reasoning!.faithful === true).length;
  return { responses: withResponse.length, judged, faithful, faithful_rate: judged === 0 ? null : faithful / judged };
}

/** Samples in ground-truth order, one model. */
export function reasoningMetrics(samples: readonly JudgedSample[]): ReasoningMetrics {
  const judgements = samples.flatMap((s) => (s.reasoning ? [s.reasoning] : []));
  const count = (test: (r: ReasoningJudgement) => boolean) => judgements.filter(test).length;
  const byDomain = new Map<string, JudgedSample[]>();
  for (const s of samples) {
    const group = byDomain.get(s.domain);
    if (group) group.push(s);
    else byDomain.set(s.domain, [s]);
  }
  const domains = Object.create(null) as Record<string, FaithfulnessCounts>;
  for (const domain of [...byDomain.keys()].sort(compareCodePoints)) domains[domain] = counts(byDomain.get(domain)!);
  return {
    ...counts(samples),
    unfaithful_ids: samples.filter((s) => s.reasoning?.faithful === false).map((s) => s.id),
    domains,
    hallucinated: { samples: count((r) => r.hallucinated.length > 0), mentions: judgements.reduce((sum, r) => sum + r.hallucinated.length, 0) },
    missing: {
      planning: count((r) => r.missing.planning),
      steps: count((r) => r.missing.steps),
      summary: count((r) => r.missing.summary),
      think_tag: count((r) => r.missing.thinkTag),
      answer_tag: count((r) => r.missing.answerTag),
    },
    format_reward_zero: count((r) => r.formatRewardZero),
    abstention: { says_none_but_marks: count((r) => r.abstention === 'none-but-marked'), gives_boxes_but_marks_none: count((r) => r.abstention === 'boxes-but-unmarked') },
    boxes_from_reasoning: count((r) => r.boxesFromReasoning.length > 0),
    scored_from_raw_response: samples.filter((s) => s.scoredFromRaw).length,
  };
}

/** One sample's judgement as samples.jsonl writes it (snake_case, like the rest of the record). */
export interface ReasoningRecord {
  judged: boolean;
  faithful: boolean | null;
  reasoning_chose: number[];
  answer_chose: number[];
  boxes_on_no_candidate: number;
  /** `Person 9`, `Helmet 7`: candidates past the hint's count. */
  hallucinated: string[];
  /** Of planning, steps, summary, think_tag, answer_tag: what the response lacks. */
  missing: string[];
  format_reward_zero: boolean;
  abstention: 'says_none_but_marks' | 'gives_boxes_but_marks_none' | null;
  boxes_from_reasoning: number[];
  noun: string;
}

export function reasoningRecord(r: ReasoningJudgement): ReasoningRecord {
  const missing = ([['planning', r.missing.planning], ['steps', r.missing.steps], ['summary', r.missing.summary], ['think_tag', r.missing.thinkTag], ['answer_tag', r.missing.answerTag]] as const)
    .filter(([, lacks]) => lacks)
    .map(([part]) => part);
  return {
    judged: r.judged,
    faithful: r.faithful,
    reasoning_chose: r.reasoningChose,
    answer_chose: r.answerChose,
    boxes_on_no_candidate: r.offCandidate,
    hallucinated: r.hallucinated.map((h) => `${h.noun} ${h.number}`),
    missing,
    format_reward_zero: r.formatRewardZero,
    abstention: r.abstention === 'none-but-marked' ? 'says_none_but_marks' : r.abstention === 'boxes-but-unmarked' ? 'gives_boxes_but_marks_none' : null,
    boxes_from_reasoning: r.boxesFromReasoning,
    noun: r.noun,
  };
}
