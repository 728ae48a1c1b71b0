// Per-sample scores -> the averages upstream's metric.py reports: per domain, sub-domain, box-count range, overall.
import { BOX_COUNT_RANGES, boxCountRange, isCorrectRejection, numpyMean, scoreSample, type PredictedBoxes, type SampleScores, type XyxyBox } from './metric.js';

/** The part of a ground-truth sample the metric reads. */
export interface GtForMetric {
  domain: string;
  subDomain: string;
  answerBoxes: XyxyBox[];
  candidateCount: number;
}

/** One sample scored for one model: `scores` for ordinary samples, `rejected` for domain `rejection`. */
export type ScoredSample =
  | { kind: 'scored'; domain: string; subDomain: string; gtCount: number; scores: SampleScores }
  | { kind: 'rejection'; domain: string; subDomain: string; rejected: boolean };

/** Upstream's domain name for samples scored only as rejected or not. */
export const REJECTION_DOMAIN = 'rejection';

export function scoreForModel(gt: GtForMetric, pred: PredictedBoxes): ScoredSample {
  const { domain, subDomain } = gt;
  if (domain === REJECTION_DOMAIN) return { kind: 'rejection', domain, subDomain, rejected: isCorrectRejection(pred) };
  return { kind: 'scored', domain, subDomain, gtCount: gt.answerBoxes.length, scores: scoreSample(gt.answerBoxes, pred, gt.candidateCount) };
}

/** The averages over a group of samples, named as in metrics.json. */
export interface MetricAverages {
  recall_50: number;
  recall_mean: number;
  precision_50: number;
  precision_mean: number;
  density_f1_50: number;
  density_f1_mean: number;
  count: number;
}

export interface DomainMetrics {
  overall: MetricAverages;
  subdomains: Record<string, MetricAverages>;
}

export interface ModelMetrics {
  /** Upstream's "Average / All Data" row: every non-rejection sample, summed domain by domain. */
  overall: MetricAverages | null;
  domains: Record<string, DomainMetrics>;
  box_count: Record<string, MetricAverages>;
  /** Upstream's box-count "Average" row: the same samples summed range by range (may differ in the last bits). */
  box_count_overall: MetricAverages | null;
  rejection: { correct: number; total: number };
}

/** Plain numpy means of each of the six numbers, in the order given. */
export function averages(samples: readonly SampleScores[]): MetricAverages {
  const mean = (pick: (s: SampleScores) => number) => numpyMean(samples.map(pick));
  return {
    recall_50: mean((s) => s.recall50),
    recall_mean: mean((s) => s.recallMean),
    precision_50: mean((s) => s.precision50),
    precision_mean: mean((s) => s.precisionMean),
    density_f1_50: mean((s) => s.densityF1_50),
    density_f1_mean: mean((s) => s.densityF1Mean),
    count: samples.length,
  };
}

/**
 * Where upstream lists a sub-domain: under the domain of the FIRST ground-truth sample (rejection ones included)
 * that carries it. Sub-domain scores are pooled by name alone, as upstream keys them.
 */
export function subdomainHomes(gt: Iterable<{ domain: string; subDomain: string }>): Map<string, string> {
  const homes = new Map<string, string>();
  for (const sample of gt) if (!homes.has(sample.subDomain)) homes.set(sample.subDomain, sample.domain);
  return homes;
}

/** Groups in first-seen order, as Python's defaultdict keeps them (the order matters for the pairwise sums). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Python's sorted() on strings: by code point, not by UTF-16 unit. */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * All of one model's averages. `samples` in ground-truth order; `homes` from {@link subdomainHomes} over the
 * whole ground truth. A sub-domain whose home domain has no scored sample is listed nowhere, as upstream.
 */
export function aggregateModel(samples: readonly ScoredSample[], homes: ReadonlyMap<string, string>): ModelMetrics {
  const scored = samples.filter((s): s is Extract<ScoredSample, { kind: 'scored' }> => s.kind === 'scored');
  const rejections = samples.filter((s) => s.kind === 'rejection');
  const byDomain = groupBy(scored, (s) => s.domain);
  const bySub = groupBy(scored, (s) => s.subDomain);
  const byRange = groupBy(scored, (s) => boxCountRange(s.gtCount));

  // Maps keyed by data have no prototype: a domain named __proto__ is a key like any other.
  const domains: Record<string, DomainMetrics> = Object.create(null);
  for (const domain of [...byDomain.keys()].sort(compareCodePoints)) {
    const subdomains: Record<string, MetricAverages> = Object.create(null);
    for (const sub of [...bySub.keys()].sort(compareCodePoints)) {
      if (homes.get(sub) === domain) subdomains[sub] = averages(bySub.get(sub)!.map((s) => s.scores));
    }
    domains[domain] = { overall: averages(byDomain.get(domain)!.map((s) => s.scores)), subdomains };
  }
  const box_count: Record<string, MetricAverages> = Object.create(null);
  for (const range of BOX_COUNT_RANGES) {
    const group = byRange.get(range);
    if (group) box_count[range] = averages(group.map((s) => s.scores));
  }
  const domainOrder = [...byDomain.values()].flat();
  const rangeOrder = [...byRange.values()].flat();
  return {
    overall: domainOrder.length > 0 ? averages(domainOrder.map((s) => s.scores)) : null,
    domains,
    box_count,
    box_count_overall: rangeOrder.length > 0 ? averages(rangeOrder.map((s) => s.scores)) : null,
    rejection: {
      correct: rejections.filter((s) => s.kind === 'rejection' && s.rejected).length,
      total: rejections.length,
    },
  };
}
