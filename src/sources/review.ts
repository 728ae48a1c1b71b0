// review.json, the marks a researcher made in the viewer, read as a source and checked strictly: any field that is not
// what version 1 writes is refused with the file, the sample and the field named (a usage error: the file was given by hand).
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';

/** The viewer keeps a cleared mark (`u`) as `unreviewed`, with its note: it counts as no mark. */
export const REVIEW_STATUSES = ['accepted', 'rejected', 'unreviewed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ReviewMark {
  status: ReviewStatus;
  note?: string;
  at: string;
}

export interface Review {
  version: 1;
  tool: string;
  runs: string[];
  /** Keyed by the sample's output name, `<split>_<index padded to 6>` (outputs/output-names.ts). */
  samples: ReadonlyMap<string, ReviewMark>;
}

/** `main_000042`: a split stem, an underscore, at least six digits. */
const SAMPLE_NAME = /^[A-Za-z0-9._-]+_\d{6,}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const TOP_KEYS = ['version', 'tool', 'runs', 'samples'];
const MARK_KEYS = ['status', 'note', 'at'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : typeof v);

export function parseReview(text: string, file: string): Review {
  const fail = (problem: string): never => {
    throw new UsageError(`--review ${file}: ${problem}; save the review again from the viewer ("Save review")`);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`not JSON (${(error as Error).message})`);
  }
  if (!isObject(data)) return fail(`expected an object {"version": 1, "tool", "runs", "samples"}, found ${describe(data)}`);
  const unknown = Object.keys(data).filter((k) => !TOP_KEYS.includes(k));
  if (unknown.length > 0) fail(`unknown field ${JSON.stringify(unknown[0])} (version 1 has ${TOP_KEYS.join(', ')})`);
  if (data.version !== 1) fail(`"version" is ${describe(data.version)}; this humanref-vis reads version 1`);
  if (typeof data.tool !== 'string') fail(`"tool" must be a string, found ${describe(data.tool)}`);
  if (!Array.isArray(data.runs) || !data.runs.every((r) => typeof r === 'string')) fail(`"runs" must be a list of run ids (strings)`);
  if (!isObject(data.samples)) return fail(`"samples" must be an object keyed by sample name (main_000042), found ${describe(data.samples)}`);
  const samples = new Map<string, ReviewMark>();
  for (const [name, mark] of Object.entries(data.samples)) {
    const at = `sample ${JSON.stringify(name)}`;
    if (!SAMPLE_NAME.test(name)) fail(`${at} is not a sample name (<split>_<index, 6 digits>, e.g. main_000042)`);
    if (!isObject(mark)) return fail(`${at}: expected {"status", "note", "at"}, found ${describe(mark)}`);
    const extra = Object.keys(mark).filter((k) => !MARK_KEYS.includes(k));
    if (extra.length > 0) fail(`${at}: unknown field ${JSON.stringify(extra[0])} (a mark has ${MARK_KEYS.join(', ')})`);
    if (!(REVIEW_STATUSES as readonly unknown[]).includes(mark.status)) fail(`${at}: "status" is ${describe(mark.status)}, expected "accepted", "rejected" or "unreviewed"`);
    if (mark.note !== undefined && typeof mark.note !== 'string') fail(`${at}: "note" must be a string, found ${describe(mark.note)}`);
    if (typeof mark.at !== 'string' || !ISO_TIME.test(mark.at) || Number.isNaN(Date.parse(mark.at))) fail(`${at}: "at" must be an ISO time (2026-12-03T09:15:00.000Z), found ${describe(mark.at)}`);
    samples.set(name, mark as unknown as ReviewMark);
  }
  return { version: 1, tool: data.tool as string, runs: data.runs as string[], samples };
}

/** Reads and checks review.json; a missing or unreadable file is a usage error too. */
export async function readReview(file: string): Promise<Review> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--review ${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? (error as Error).message})`}`);
  }
  return parseReview(text, file);
}
