// review.json: the review a researcher saves from the viewer and `export --review` reads (docs/review.md).
// Reading it back is strict per mark: a bad mark is named and skipped, the others load.

export type ReviewStatus = 'accepted' | 'rejected' | 'unreviewed';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['accepted', 'rejected', 'unreviewed'];

/** One sample's mark: `at` is when it was last changed (milliseconds since the epoch; ISO 8601 UTC in the file). */
export interface Mark {
  status: ReviewStatus;
  note: string;
  at: number;
}

export interface ReviewFile {
  version: 1;
  tool: string;
  runs: string[];
  samples: Record<string, { status: ReviewStatus; note: string; at: string }>;
}

/** The file's text: keys in a fixed order, samples sorted by name, so two saves of the same marks are equal. */
export function reviewFileText(tool: string, runs: string[], marks: Map<string, Mark>): string {
  const samples: ReviewFile['samples'] = {};
  for (const name of [...marks.keys()].sort()) {
    const m = marks.get(name)!;
    samples[name] = { status: m.status, note: m.note, at: new Date(m.at).toISOString() };
  }
  const doc: ReviewFile = { version: 1, tool, runs, samples };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export interface ParsedReview {
  runs: string[];
  marks: Map<string, Mark>;
  /** One line per mark that was skipped, naming the sample and what is wrong with it. */
  problems: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseMark(name: string, v: unknown): Mark | string {
  if (!isObject(v)) return `${name}: not an object`;
  if (!REVIEW_STATUSES.includes(v.status as ReviewStatus)) return `${name}: status ${JSON.stringify(v.status)} is not accepted, rejected or unreviewed`;
  if (v.note !== undefined && typeof v.note !== 'string') return `${name}: note is not text`;
  const at = typeof v.at === 'string' ? Date.parse(v.at) : NaN;
  if (!Number.isFinite(at)) return `${name}: at ${JSON.stringify(v.at)} is not an ISO 8601 time`;
  return { status: v.status as ReviewStatus, note: (v.note as string | undefined) ?? '', at };
}

/** Parses a review file; throws an Error saying what to do when it is not one at all. */
export function parseReviewFile(text: string): ParsedReview {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new Error(`it is not JSON (${(error as Error).message}); choose a review.json saved by this viewer`);
  }
  if (!isObject(doc) || doc.version !== 1 || !isObject(doc.samples)) {
    throw new Error('it is not a review file (it needs "version": 1 and a "samples" object); choose a review.json saved by this viewer');
  }
  const runs = Array.isArray(doc.runs) ? doc.runs.filter((r): r is string => typeof r === 'string') : [];
  const marks = new Map<string, Mark>();
  const problems: string[] = [];
  for (const [name, v] of Object.entries(doc.samples)) {
    const m = parseMark(name, v);
    if (typeof m === 'string') problems.push(m);
    else marks.set(name, m);
  }
  return { runs, marks, problems };
}

/** Merges `incoming` into `into`, the newer mark of a sample winning (a tie keeps the one there); returns how many changed. */
export function mergeMarks(into: Map<string, Mark>, incoming: Map<string, Mark>): number {
  let changed = 0;
  for (const [name, m] of incoming) {
    const have = into.get(name);
    if (have && have.at >= m.at) continue;
    into.set(name, { ...m });
    changed++;
  }
  return changed;
}
