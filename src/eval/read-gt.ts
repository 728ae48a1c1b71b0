// The HumanRef benchmark's annotations.jsonl -> checked ground-truth samples; each bad line is reported and skipped.
import { readJsonl, lineProblem, type LineProblem } from './jsonl.js';
import { REJECTION_DOMAIN } from './aggregate.js';
import type { XyxyBox } from './metric.js';
import { packBoxes } from './packed-boxes.js';

/** One ground-truth sample of the benchmark (or of a HumanRef-CoT split, see dataset-gt.ts). */
export interface EvalGtSample {
  /** 0-based position among the accepted samples: the `--indices` of eval and the picture's file name. */
  position: number;
  /** The id as written (string or integer), and the key predictions are looked up by. */
  id: string | number;
  key: string;
  /** Where the sample came from, for messages. */
  file: string;
  line: number;
  imageName: string | null;
  referring: string;
  /** `Person N` = candidates[N-1]. */
  candidates: XyxyBox[];
  answers: XyxyBox[];
  domain: string;
  subDomain: string;
  /** HumanRef-CoT only: the dataset's own reasoning and its 0-based targets. */
  dataset?: { think: string; regionMap: Record<string, number[]>; split: string; index: number };
}

/** The lookup key of an id: `"7"` and `7` are different ids, as they are in upstream's Python dict. */
export function idKey(id: unknown): string | null {
  if (typeof id === 'string') return `s:${id}`;
  if (typeof id === 'number' && Number.isSafeInteger(id)) return `n:${id}`;
  return null;
}

/** `[x0, y0, x1, y1]` of finite JSON numbers, or null. */
export function asBox(value: unknown): XyxyBox | null {
  if (!Array.isArray(value) || value.length !== 4) return null;
  return value.every((v) => typeof v === 'number' && Number.isFinite(v)) ? (value as XyxyBox) : null;
}

function boxList(value: unknown): XyxyBox[] | string {
  if (!Array.isArray(value)) return 'is not a list';
  const boxes: XyxyBox[] = [];
  for (let i = 0; i < value.length; i++) {
    const box = asBox(value[i]);
    if (!box) return `entry ${i} is not a box [x0, y0, x1, y1] of 4 numbers`;
    boxes.push(box);
  }
  return boxes;
}

export interface GtReadResult {
  samples: EvalGtSample[];
  problems: LineProblem[];
  /** Ids that appear on more than one line (all lines are kept and scored, as upstream does). */
  duplicateIds: string[];
}

const HINT = 'Fix this line of annotations.jsonl (the HumanRef format: id, image_name, referring, candidate_boxes, answer_boxes, domain, sub_domain); it is skipped';

/** Checks one parsed line; a string says what is wrong with it. */
export function toGtSample(value: Record<string, unknown>, file: string, line: number, position: number): EvalGtSample | string {
  const key = idKey(value.id);
  if (key === null) return '"id" is missing or not a string or integer';
  for (const name of ['domain', 'sub_domain'] as const) {
    if (typeof value[name] !== 'string') return `"${name}" is missing or not a string`;
  }
  if (value.image_name !== undefined && typeof value.image_name !== 'string') return '"image_name" is not a string';
  if (value.referring !== undefined && typeof value.referring !== 'string') return '"referring" is not a string';
  const candidates = boxList(value.candidate_boxes);
  if (typeof candidates === 'string') return `"candidate_boxes" ${candidates}`;
  const answers = boxList(value.answer_boxes);
  if (typeof answers === 'string') return `"answer_boxes" ${answers}`;
  const domain = value.domain as string;
  // Upstream's metric.py stops with an exception on such a line; here it is one skipped sample.
  if (answers.length === 0 && domain !== REJECTION_DOMAIN) return `"answer_boxes" is empty but the domain is "${domain}", not "rejection" (upstream's metric.py stops on such a line)`;
  return {
    position,
    id: value.id as string | number,
    key,
    file,
    line,
    imageName: (value.image_name as string | undefined) ?? null,
    referring: (value.referring as string | undefined) ?? '',
    // Packed: a million lines of boxes as arrays would fill most of the heap.
    candidates: packBoxes(candidates),
    answers: packBoxes(answers),
    domain,
    subDomain: value.sub_domain as string,
  };
}

/** Reads the whole ground truth (6,000 lines for HumanRef): the metric needs every sample. */
export async function readGroundTruth(file: string): Promise<GtReadResult> {
  const samples: EvalGtSample[] = [];
  const problems: LineProblem[] = [];
  const seen = new Map<string, number>();
  const duplicateIds: string[] = [];
  for await (const entry of readJsonl(file, 'ground-truth annotations.jsonl')) {
    if ('problem' in entry) {
      problems.push(entry.problem);
      continue;
    }
    const sample = toGtSample(entry.value, file, entry.line, samples.length);
    if (typeof sample === 'string') {
      problems.push(lineProblem(file, entry.line, sample, HINT));
      continue;
    }
    const count = (seen.get(sample.key) ?? 0) + 1;
    seen.set(sample.key, count);
    if (count === 2) duplicateIds.push(String(sample.id));
    samples.push(sample);
  }
  return { samples, problems, duplicateIds };
}
