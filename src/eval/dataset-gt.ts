// HumanRef-CoT TSV samples as eval ground truth: targets from region_map, the dataset's reasoning kept for comparison.
import { DataError } from '../errors.js';
import type { SampleSource } from '../plumbing/seams.js';
import { REJECTION_DOMAIN } from './aggregate.js';
import type { LineProblem } from './jsonl.js';
import type { XyxyBox } from './metric.js';
import type { EvalGtSample, GtReadResult } from './read-gt.js';
import type { Prediction, PredReadResult } from './read-pred.js';

/** Domain of HumanRef-CoT samples that have targets (the TSVs carry no domain); `sub_domain` is the split. */
export const COT_DOMAIN = 'humanref-cot';

export async function readDatasetGroundTruth(sources: readonly SampleSource[], signal?: AbortSignal): Promise<GtReadResult> {
  const samples: EvalGtSample[] = [];
  const problems: LineProblem[] = [];
  for (const source of sources) {
    const split = source.paths.name;
    for (let index = 0; index < source.length && !signal?.aborted; index++) {
      let record;
      try {
        record = await source.readAnnotation(index);
      } catch (error) {
        if (!(error instanceof DataError)) throw error;
        problems.push({ file: error.where.file, line: index, message: `${error.message} (skipped)` });
        continue;
      }
      const a = record.annotation;
      const candidates = a.gtBoxes.map(([x, y, w, h]): XyxyBox => [x, y, x + w, y + h]);
      const targets = [...new Set(Object.values(a.regionMap).flat())].filter((t) => Number.isInteger(t) && t >= 0 && t < candidates.length).sort((p, q) => p - q);
      samples.push({
        position: samples.length,
        id: `${split}_${index}`,
        key: `i:${split}:${index}`,
        file: source.paths.annotationsTsv,
        line: index,
        imageName: null,
        referring: Object.keys(a.regionMap).join(' / '),
        candidates,
        answers: targets.map((t) => candidates[t]),
        domain: targets.length === 0 ? REJECTION_DOMAIN : COT_DOMAIN,
        subDomain: split,
        dataset: { think: a.think, regionMap: a.regionMap, split, index },
      });
    }
  }
  return { samples, problems, duplicateIds: [] };
}

/** `main:2`: how a prediction keyed by split and index is named in messages (an index alone names no sample). */
export function splitIndexName(key: string): string {
  return key.slice(2);
}

/**
 * Predictions keyed by `index` alone (no `split`) belong to the one split read; with several splits they are
 * ambiguous and reported. `{"index":0}` and `{"split":"main","index":0}` then name one sample: like two lines
 * of one id, the later line counts and both are listed as duplicates.
 */
export function resolveSplitKeys(pred: PredReadResult, splits: readonly string[]): PredReadResult {
  const problems = [...pred.problems];
  const linesOf = new Map(pred.duplicates.map((d) => [`i:${d.id}`, d.lines]));
  const groups = new Map<string, { kept: Prediction; lines: number[] }>();
  for (const p of pred.byKey.values()) {
    let key = p.key;
    if (key.startsWith('i::')) {
      if (splits.length !== 1) {
        problems.push({ file: pred.file, line: p.line, message: `${pred.file}, line ${p.line}: the line has an "index" but no "split", and the ground truth has the splits ${splits.join(', ')}. Add "split" to each line, or choose one split with --split` });
        continue;
      }
      key = `i:${splits[0]}:${key.slice(3)}`;
    }
    const resolved = { ...p, key, id: splitIndexName(key) };
    const lines = linesOf.get(p.key) ?? [p.line];
    const group = groups.get(key);
    if (!group) groups.set(key, { kept: resolved, lines: [...lines] });
    else {
      group.lines.push(...lines);
      if (p.line > group.kept.line) group.kept = resolved;
    }
  }
  const byKey = new Map([...groups].map(([key, g]) => [key, g.kept]));
  const duplicates = [...groups]
    .filter(([, g]) => g.lines.length > 1)
    .map(([key, g]) => ({ id: splitIndexName(key), lines: g.lines.sort((a, b) => a - b) }));
  return { ...pred, byKey, problems, duplicates };
}
