// manifest.csv: one row per selected sample that finished, rendered or failed, in selection order, streamed to disk.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createAtomicStream, type AtomicStream } from '../fs/atomic-write.js';
import { readEarlierRows } from './manifest-earlier.js';
import { loadCsv, MANIFEST_FILE, MANIFEST_HEADERS, neutraliseRow, unneutraliseCell, type ManifestRow } from './manifest-format.js';
import { byPosition, type Outcome } from './outcome.js';

export type { ManifestRow };
export { MANIFEST_FILE, MANIFEST_HEADERS, neutraliseCell, unneutraliseCell } from './manifest-format.js';

type Row = ManifestRow;

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
const writeToString: typeof import('fast-csv').writeToString = async (rows, options) =>
  (await loadCsv()).writeToString(rows, options);
const HEADER_LINE = `${MANIFEST_HEADERS.join(',')}\n`;

export async function manifestCsv(outcomes: readonly Outcome[], run = ''): Promise<string> {
  const rows = [...outcomes].sort(byPosition).map((o) => manifestRow(o, run));
  return writeToString(rows, { ...CSV_OPTIONS, alwaysWriteHeaders: true });
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
    try {
      await writer.out.write(HEADER_LINE);
    } catch (error) {
      await writer.out.abort();
      throw error;
    }
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

  /** Appends the earlier rows that stay and writes the file. */
  async commit(): Promise<string> {
    const kept = this.keptEarlier();
    if (kept.length > 0) await this.out.write(await writeToString(kept.map(neutraliseRow), { ...CSV_OPTIONS, writeHeaders: false }));
    return this.out.commit();
  }

  abort(): Promise<void> {
    return this.out.abort();
  }
}
