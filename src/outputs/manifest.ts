// manifest.csv: one row per selected sample that finished, rendered or failed, in selection order, streamed to disk.
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
] as const;

type Row = Record<(typeof MANIFEST_HEADERS)[number], string>;

/** Person lists as space-separated 1-based numbers (`2 4`): no quoting needed, easy to split. */
function numbers(list: readonly number[]): string {
  return list.join(' ');
}

export function manifestRow(outcome: Outcome): Row {
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

export async function manifestCsv(outcomes: readonly Outcome[]): Promise<string> {
  const rows = [...outcomes].sort(byPosition).map(manifestRow);
  return writeToString(rows, { ...CSV_OPTIONS, alwaysWriteHeaders: true });
}

/** Writes rows as outcomes arrive (the caller sends them in selection order); the file appears on `commit`. */
export class ManifestWriter {
  private constructor(private readonly out: AtomicStream) {}

  static async open(dir: string): Promise<ManifestWriter> {
    const writer = new ManifestWriter(createAtomicStream(dir, 'manifest.csv'));
    await writer.out.write(HEADER_LINE);
    return writer;
  }

  async add(outcome: Outcome): Promise<void> {
    await this.out.write(await writeToString([manifestRow(outcome)], { ...CSV_OPTIONS, writeHeaders: false }));
  }

  commit(): Promise<string> {
    return this.out.commit();
  }

  abort(): Promise<void> {
    return this.out.abort();
  }
}
