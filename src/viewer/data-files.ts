// The viewer's data files: script files a page can load from file:// (where fetch cannot), and parseable back
// so a later run into the same folder can merge them.
import { readFile } from 'node:fs/promises';
import type { IndexRow, ViewerRow } from './index-schema.js';
import type { ViewerEntry, ViewerRunInfo } from './types.js';

export const INDEX_FILE = 'viewer-index.js';
export const TEXT_FILE = 'viewer-text.js';
export const DATA_DIR = 'viewer-data';
export const INDEX_PREFIX = 'window.HRV_INDEX = ';
export const TEXT_PREFIX = 'window.HRV_TEXT = {';

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

/** The grid row of an entry; `run` is the run's position in the index's `runs`. */
export function viewerRow(entry: ViewerEntry, run: number): ViewerRow {
  const c = entry.verdictCounts;
  return {
    name: entry.name,
    file: entry.file ?? null,
    split: entry.split,
    index: entry.index,
    status: entry.status,
    expressions: entry.expressions,
    candidates: entry.candidates,
    ok: c['✅'],
    no: c['❌'],
    warn: c['⚠️'],
    none: c.none,
    consistent: entry.consistent ? 1 : 0,
    rejection: entry.rejection ? 1 : 0,
    warnings: entry.warnings,
    kinds: entry.kinds ?? [],
    score: finite(entry.score),
    error: entry.error ?? null,
    run,
    hasDetail: entry.detail ? 1 : 0,
    imageKey: entry.imageKey ?? '',
    model: entry.model ?? null,
  };
}

/** The index as a script: one entry per line, so the file diffs and greps well. */
export function indexScript(data: IndexData): string {
  const head = JSON.stringify({ version: data.version, title: data.title, columns: data.columns, runs: data.runs });
  const rows = data.entries.map((row) => JSON.stringify(row)).join(',\n');
  return `${INDEX_PREFIX}${head.slice(0, -1)},"entries":[\n${rows}\n]};\n`;
}

/** The value of an index script's text (throws when it is not one); earlier-viewer.ts checks its shape. */
export function parseIndexScript(text: string): unknown {
  if (!text.startsWith(INDEX_PREFIX)) throw new Error(`it does not start with "${INDEX_PREFIX.trim()}"`);
  return JSON.parse(text.slice(INDEX_PREFIX.length).trimEnd().replace(/;$/, ''));
}

/** Reads an index script as written, unchecked (tests and tools); null when there is none or it is not one. */
export async function readIndexScript(file: string): Promise<IndexData | null> {
  try {
    return parseIndexScript(await readFile(file, 'utf8')) as IndexData;
  } catch {
    return null;
  }
}

/** One line of the search text file: `"name":"lower-cased reasoning",` (a JS object literal, one key per line). */
export function textLine(name: string, text: string): string {
  return keptTextLine(name, text.toLowerCase());
}

/** A line of the search text file as it is copied from an earlier run (already lower-cased). */
export function keptTextLine(name: string, text: string): string {
  return `${JSON.stringify(name)}:${JSON.stringify(text)},\n`;
}

/** The per-sample detail script, loaded on demand by the sample view. */
export function detailScript(name: string, payload: object): string {
  return `HRV_SAMPLE(${JSON.stringify({ name, ...payload })});\n`;
}

export const IMAGE_EXTENSIONS: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif' };
