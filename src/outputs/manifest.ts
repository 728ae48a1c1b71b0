// manifest.csv: one row per selected sample that finished, rendered or failed, in selection order, streamed to disk.
import { existsSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { createAtomicStream, type AtomicStream } from './atomic-write.js';
import { byPosition, type Outcome } from './outcome.js';

export const MANIFEST_HEADERS = [
  'index',
  'split',
  'ann_offset',
  'img_offset',
  'image_key',
  'expression',
  'candidates',
  'targets',
  'cot_targets',
  'consistent',
  'warnings',
  'file',
  'status',
  'error',
  'run',
] as const;

type Row = Record<(typeof MANIFEST_HEADERS)[number], string>;

export const MANIFEST_FILE = 'manifest.csv';

/** Columns holding text from the data or the file system; the others hold numbers, number lists or fixed words. */
const TEXT_COLUMNS = ['split', 'image_key', 'expression', 'warnings', 'file', 'error', 'run'] as const;

/** What a spreadsheet reads as the start of a formula (OWASP's list, with the full-width forms Excel also accepts). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * CSV injection: a text cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's
 * advice; spreadsheets show the text, not a result). Cells holding a comma, quote or line break are quoted as
 * CSV requires. Idempotent: `'=x` stays `'=x`.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text as written before neutralising (for reading a manifest back). */
export function unneutraliseCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

function neutraliseRow(row: Row): Row {
  const out = { ...row };
  for (const column of TEXT_COLUMNS) out[column] = neutraliseCell(out[column]);
  return out;
}

/** Person lists as space-separated 1-based numbers (`2 4`): no quoting needed, easy to split. */
function numbers(list: readonly number[]): string {
  return list.join(' ');
}

/** One row; `run` is the id of the run that wrote it (its start time, as in run.json). */
export function manifestRow(outcome: Outcome, run = ''): Row {
  return neutraliseRow({ ...rawManifestRow(outcome), run });
}

function rawManifestRow(outcome: Outcome): Omit<Row, 'run'> {
  if (outcome.status === 'failed') {
    return {
      index: String(outcome.index),
      split: outcome.split,
      ann_offset: outcome.annOffset === null ? '' : String(outcome.annOffset),
      img_offset: outcome.imgOffset === null ? '' : String(outcome.imgOffset),
      image_key: '',
      expression: '',
      candidates: '',
      targets: '',
      cot_targets: '',
      consistent: '',
      warnings: '',
      file: '',
      status: 'failed',
      error: outcome.error,
    };
  }
  const r = outcome.record;
  return {
    index: String(r.index),
    split: r.split,
    ann_offset: String(r.annOffset),
    img_offset: String(r.imgOffset),
    image_key: r.imageKey,
    expression: r.expressions.join(' | '),
    candidates: String(r.candidates.length),
    targets: numbers(r.targets),
    cot_targets: numbers(r.cotTargets),
    consistent: String(r.consistent),
    warnings: r.warnings.join(' | '),
    file: outcome.file,
    status: 'rendered',
    error: '',
  };
}

const CSV_OPTIONS = { headers: [...MANIFEST_HEADERS], includeEndRowDelimiter: true };

// fast-csv costs ~35 ms of start-up (CommonJS through the ESM loader): loaded with the first row, which is
// written after the first image, not before it. The header row needs no quoting.
let csv: Promise<typeof import('fast-csv')> | undefined;
const writeToString: typeof import('fast-csv').writeToString = async (rows, options) =>
  (await (csv ??= import('fast-csv'))).writeToString(rows, options);
const HEADER_LINE = `${MANIFEST_HEADERS.join(',')}\n`;

export async function manifestCsv(outcomes: readonly Outcome[], run = ''): Promise<string> {
  const rows = [...outcomes].sort(byPosition).map((o) => manifestRow(o, run));
  return writeToString(rows, { ...CSV_OPTIONS, alwaysWriteHeaders: true });
}

/** A picture of an earlier run still in the folder, as its manifest row describes it. */
export interface EarlierPicture {
  file: string;
  split: string;
  index: string;
  expression: string;
  run: string;
}

/** The rows of the folder's manifest.csv before this run; a file that is not our manifest is moved aside, not lost. */
async function readEarlierRows(dir: string, onWarning: (message: string) => void): Promise<Row[]> {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    // No manifest: a first run, or an earlier run killed before it wrote one.
    return [];
  }
  try {
    const { parseString } = await (csv ??= import('fast-csv'));
    const rows = await new Promise<Record<string, string>[]>((resolve, reject) => {
      const out: Record<string, string>[] = [];
      parseString(text, { headers: true, ignoreEmpty: true })
        .on('error', reject)
        .on('data', (row: Record<string, string>) => out.push(row))
        .on('end', () => resolve(out));
    });
    if (rows.length > 0 && !('status' in rows[0] && 'index' in rows[0] && 'file' in rows[0])) throw new Error('it has no index, file and status columns');
    // A manifest of the previous release has no `run` column: its rows keep an empty one.
    return rows.map((r) => Object.fromEntries(MANIFEST_HEADERS.map((h) => [h, r[h] ?? ''])) as Row);
  } catch (error) {
    const aside = path.join(dir, `manifest.unreadable-${Date.now()}.csv`);
    await rename(file, aside).catch(() => undefined);
    onWarning(`${file} could not be read as a manifest (${(error as Error).message}); it was kept as ${aside}`);
    return [];
  }
}

const sampleKey = (split: string, index: string | number) => `${split}\u0000${index}`;

/**
 * manifest.csv, streamed as outcomes arrive (in selection order) and merged with the folder's earlier manifest on
 * `commit`: this run's rows first, then the earlier rows still true: a picture row whose file is still in the folder
 * and was not written again by this run, a failure row of a sample this run did not touch. The file appears on
 * `commit`, so a reader never sees half of it.
 */
export class ManifestWriter {
  private readonly files = new Set<string>();
  private readonly samples = new Set<string>();

  private constructor(
    private readonly dir: string,
    private readonly out: AtomicStream,
    private readonly run: string,
    private readonly earlier: Row[],
  ) {}

  static async open(dir: string, run = '', onWarning: (message: string) => void = () => undefined): Promise<ManifestWriter> {
    const earlier = await readEarlierRows(dir, onWarning);
    const writer = new ManifestWriter(dir, createAtomicStream(dir, MANIFEST_FILE), run, earlier);
    await writer.out.write(HEADER_LINE);
    return writer;
  }

  async add(outcome: Outcome): Promise<void> {
    if (outcome.status === 'rendered') this.files.add(outcome.file);
    this.samples.add(outcome.status === 'rendered' ? sampleKey(outcome.record.split, outcome.record.index) : sampleKey(outcome.split, outcome.index));
    await this.out.write(await writeToString([manifestRow(outcome, this.run)], { ...CSV_OPTIONS, writeHeaders: false }));
  }

  /** The earlier rows that stay, in their order. */
  private keptEarlier(): Row[] {
    return this.earlier.filter((row) => {
      const file = unneutraliseCell(row.file);
      // Only a plain file name in this folder counts as a picture of it.
      if (file) return file === path.basename(file) && !this.files.has(file) && existsSync(path.join(this.dir, file));
      return !this.samples.has(sampleKey(unneutraliseCell(row.split), row.index));
    });
  }

  /** Appends the earlier rows that stay, writes the file, and returns the earlier pictures it lists. */
  async commit(): Promise<{ file: string; earlier: EarlierPicture[] }> {
    const kept = this.keptEarlier();
    if (kept.length > 0) await this.out.write(await writeToString(kept.map(neutraliseRow), { ...CSV_OPTIONS, writeHeaders: false }));
    const file = await this.out.commit();
    const earlier = kept
      .filter((r) => r.file !== '')
      .map((r) => ({ file: unneutraliseCell(r.file), split: unneutraliseCell(r.split), index: r.index, expression: unneutraliseCell(r.expression), run: unneutraliseCell(r.run) }));
    return { file, earlier };
  }

  abort(): Promise<void> {
    return this.out.abort();
  }
}
