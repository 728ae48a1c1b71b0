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
  /** Responses naming a candidate past the hint's count, and the distinct numbers named past it, summed over them. */
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

type Counts = { responses: number; judged: number; faithful: number };
const rated = (c: Counts): FaithfulnessCounts => ({ ...c, faithful_rate: c.judged === 0 ? null : c.faithful / c.judged });

/**
 * One model's counts, sample by sample in ground-truth order: only counts and the unfaithful ids are kept, so a
 * run over a million samples holds no per-sample judgement.
 */
export class ReasoningTally {
  private readonly all: Counts = { responses: 0, judged: 0, faithful: 0 };
  private readonly byDomain = new Map<string, Counts>();
  private readonly unfaithful: (string | number)[] = [];
  private readonly checks = { hallucinatedSamples: 0, hallucinatedMentions: 0, planning: 0, steps: 0, summary: 0, thinkTag: 0, answerTag: 0, formatZero: 0, noneButMarks: 0, boxesButNone: 0, fromReasoning: 0, fromRaw: 0 };

  add(gt: { id: string | number; domain: string }, result: { reasoning?: ReasoningJudgement | null; scoredFromRaw?: boolean }): void {
    const c = this.checks;
    if (result.scoredFromRaw) c.fromRaw++;
    // Every domain of the ground truth is listed, with zeros where no response was given.
    let domain = this.byDomain.get(gt.domain);
    if (!domain) this.byDomain.set(gt.domain, (domain = { responses: 0, judged: 0, faithful: 0 }));
    const r = result.reasoning;
    if (!r) return;
    for (const counts of [this.all, domain]) {
      counts.responses++;
      if (r.judged) counts.judged++;
      if (r.faithful === true) counts.faithful++;
    }
    if (r.faithful === false) this.unfaithful.push(gt.id);
    if (r.hallucinated.length) c.hallucinatedSamples++;
    c.hallucinatedMentions += r.hallucinated.length;
    if (r.missing.planning) c.planning++;
    if (r.missing.steps) c.steps++;
    if (r.missing.summary) c.summary++;
    if (r.missing.thinkTag) c.thinkTag++;
    if (r.missing.answerTag) c.answerTag++;
    if (r.formatRewardZero) c.formatZero++;
    if (r.abstention === 'none-but-marked') c.noneButMarks++;
    if (r.abstention === 'boxes-but-unmarked') c.boxesButNone++;
    if (r.boxesFromReasoning.length) c.fromReasoning++;
  }

  metrics(): ReasoningMetrics {
    const c = this.checks;
    const domains = Object.create(null) as Record<string, FaithfulnessCounts>;
    for (const domain of [...this.byDomain.keys()].sort(compareCodePoints)) domains[domain] = rated(this.byDomain.get(domain)!);
    return {
      ...rated(this.all),
      unfaithful_ids: [...this.unfaithful],
      domains,
      hallucinated: { samples: c.hallucinatedSamples, mentions: c.hallucinatedMentions },
      missing: { planning: c.planning, steps: c.steps, summary: c.summary, think_tag: c.thinkTag, answer_tag: c.answerTag },
      format_reward_zero: c.formatZero,
      abstention: { says_none_but_marks: c.noneButMarks, gives_boxes_but_marks_none: c.boxesButNone },
      boxes_from_reasoning: c.fromReasoning,
      scored_from_raw_response: c.fromRaw,
    };
  }
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
