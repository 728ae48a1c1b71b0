// The machine-readable record of one rendered sample: one NDJSON line with --json, one manifest row, one viewer entry.
import type { ImageHeader, Mark, ParsedCot, Sample, VerdictCounts } from '../types.js';

export interface CandidateRecord {
  /** 1-based, as the reasoning names it. */
  person: number;
  /** [x0, y0, x1, y1] in image pixels, converted from the stored [x, y, w, h]. */
  box: [number, number, number, number];
  target: boolean;
  verdict: Mark | null;
}

export interface SampleRecord {
  index: number;
  split: string;
  annOffset: number;
  imgOffset: number;
  imageKey: string;
  image: ImageHeader;
  expressions: string[];
  candidates: CandidateRecord[];
  targets: number[];
  cotTargets: number[];
  consistent: boolean;
  rejection: boolean;
  /** A row of upstream's custom GRPO format: it carries no reasoning, so `consistent` says nothing. */
  noReasoning?: true;
  warnings: string[];
  output: string;
}

/** No target at all; a custom GRPO row never is one: it always answers with its own box, a hint or not. */
export function isRejection(cot: ParsedCot): boolean {
  return cot.targets.length === 0 && !cot.answer;
}

/** x + w in binary floating point gives 260.48600000000005; drop that noise, keep what was stored. */
function addStored(a: number, b: number): number {
  return Number((a + b).toPrecision(12));
}

export function buildSampleRecord(
  sample: Sample,
  cot: ParsedCot,
  image: ImageHeader,
  warnings: string[],
  output: string,
): SampleRecord {
  const targets = new Set(cot.targets);
  return {
    index: sample.index,
    split: sample.split,
    annOffset: sample.annOffset,
    imgOffset: sample.imgOffset,
    imageKey: sample.imageKey,
    image: { width: image.width, height: image.height, format: image.format },
    expressions: [...cot.expressions],
    candidates: sample.annotation.gtBoxes.map(([x, y, w, h], i) => ({
      person: i + 1,
      box: [x, y, addStored(x, w), addStored(y, h)],
      target: targets.has(i + 1),
      verdict: cot.verdicts[i] ?? null,
    })),
    targets: [...cot.targets],
    cotTargets: [...cot.cotTargets],
    consistent: cot.consistency.consistent,
    rejection: isRejection(cot),
    ...(cot.answer ? { noReasoning: true as const } : {}),
    warnings: [...warnings],
    output,
  };
}

/** Verdict tallies over the candidates, for the viewer and stats; `into` adds them to running totals. */
export function countVerdicts(verdicts: readonly (Mark | null)[], into: VerdictCounts = { '✅': 0, '❌': 0, '⚠️': 0, none: 0 }): VerdictCounts {
  for (const v of verdicts) into[v ?? 'none']++;
  return into;
}
