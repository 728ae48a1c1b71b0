// The viewer's data files: script files a page can load from file:// (where fetch cannot), and parseable back
// so a later run into the same folder can merge them.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { ViewerEntry, ViewerRunInfo } from './types.js';

export const INDEX_FILE = 'viewer-index.js';
export const TEXT_FILE = 'viewer-text.js';
export const DATA_DIR = 'viewer-data';
export const INDEX_PREFIX = 'window.HRV_INDEX = ';
export const TEXT_PREFIX = 'window.HRV_TEXT = {';

/**
 * One grid row as an array (45k objects with repeated keys would double the file): see COLUMNS for the order.
 * The page reads the same order (client.ts, `C_*` constants).
 */
export type IndexRow = [
  name: string,
  file: string | null,
  split: string,
  index: number,
  status: 'rendered' | 'failed',
  expressions: string[],
  candidates: number,
  ok: number,
  no: number,
  warn: number,
  none: number,
  consistent: 0 | 1,
  rejection: 0 | 1,
  warnings: string[],
  kinds: string[],
  score: number | null,
  error: string | null,
  run: number,
  hasDetail: 0 | 1,
  imageKey: string,
];

export const COLUMNS = ['name', 'file', 'split', 'index', 'status', 'expressions', 'candidates', 'ok', 'no', 'warn', 'none', 'consistent', 'rejection', 'warnings', 'kinds', 'score', 'error', 'run', 'hasDetail', 'imageKey'] as const;

export interface IndexData {
  version: 1;
  title: string;
  columns: readonly string[];
  runs: ViewerRunInfo[];
  entries: IndexRow[];
}

/** A number JSON can carry (NaN and Infinity would turn into null silently). */
function finite(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

export function indexRow(entry: ViewerEntry, run: number): IndexRow {
  const c = entry.verdictCounts;
  return [
    entry.name,
    entry.file ?? null,
    entry.split,
    entry.index,
    entry.status,
    entry.expressions,
    entry.candidates,
    c['✅'],
    c['❌'],
    c['⚠️'],
    c.none,
    entry.consistent ? 1 : 0,
    entry.rejection ? 1 : 0,
    entry.warnings,
    entry.kinds ?? [],
    finite(entry.score),
    entry.error ?? null,
    run,
    entry.detail ? 1 : 0,
    entry.imageKey ?? '',
  ];
}

/** The index as a script: one entry per line, so the file diffs and greps well. */
export function indexScript(data: IndexData): string {
  const head = JSON.stringify({ version: data.version, title: data.title, columns: data.columns, runs: data.runs });
  const rows = data.entries.map((row) => JSON.stringify(row)).join(',\n');
  return `${INDEX_PREFIX}${head.slice(0, -1)},"entries":[\n${rows}\n]};\n`;
}

/** Reads an index written by indexScript; null when there is none or it is not ours. */
export async function readIndexScript(file: string): Promise<IndexData | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  if (!text.startsWith(INDEX_PREFIX)) return null;
  try {
    const data = JSON.parse(text.slice(INDEX_PREFIX.length).trimEnd().replace(/;$/, '')) as IndexData;
    if (data.version !== 1 || !Array.isArray(data.entries) || !Array.isArray(data.runs)) return null;
    return data;
  } catch {
    return null;
  }
}

/** One line of the search text file: `"name":"lower-cased reasoning",` (a JS object literal, one key per line). */
export function textLine(name: string, text: string): string {
  return `${JSON.stringify(name)}:${JSON.stringify(text.toLowerCase())},\n`;
}

/** Streams the lines of an earlier search text file as [name, line]; nothing when there is none. */
export async function* readTextLines(file: string): AsyncGenerator<[string, string]> {
  let input;
  try {
    input = createReadStream(file, { encoding: 'utf8' });
    await new Promise<void>((resolve, reject) => input!.once('open', () => resolve()).once('error', reject));
  } catch {
    return;
  }
  const lines = createInterface({ input, crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    if (first) {
      first = false;
      if (line !== TEXT_PREFIX) break;
      continue;
    }
    if (!line.endsWith(',')) continue;
    try {
      const [name] = Object.keys(JSON.parse(`{${line.slice(0, -1)}}`) as object);
      if (name !== undefined) yield [name, `${line}\n`];
    } catch {
      // Not a line we wrote: skip it.
    }
  }
  input.destroy();
}

/** The per-sample detail script, loaded on demand by the sample view. */
export function detailScript(name: string, payload: object): string {
  return `HRV_SAMPLE(${JSON.stringify({ name, ...payload })});\n`;
}

export const IMAGE_EXTENSIONS: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif' };
