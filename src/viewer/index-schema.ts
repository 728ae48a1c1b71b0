// The viewer's grid row, declared once: its fields and their types (the schema), the column order of
// viewer-index.js (the schema's key order), and the check a row read back from an earlier run must pass.
import { arrayOf, finite, int, nullable, object, oneOf, str, type InferShape } from './schema.js';

/** A plain file name: letters, digits, `._-`; not `.`, `..` or `__proto__` (a name is a key of the page's search text). */
export const SAFE_NAME = /^(?!\.{1,2}$)(?!__proto__$)[A-Za-z0-9._-]{1,200}$/;

const count = int(0);
const flag = oneOf(0, 1);
const strings = arrayOf(str());

/** One grid row. The page reads rows by the `columns` list of the file, so a column may be added at the end. */
export const ROW_SHAPE = {
  /** Unique id and hash target: the picture's file name without extension. */
  name: str({ pattern: SAFE_NAME, what: 'a plain file name' }),
  /** The picture in the output folder; null for a failed sample. */
  file: nullable(str({ pattern: SAFE_NAME, what: 'a plain file name' })),
  /** The dataset split (visualize, and eval over HumanRef-CoT) or the benchmark's domain (eval over annotations.jsonl). */
  split: str({ max: 200 }),
  index: count,
  status: oneOf('rendered', 'failed'),
  expressions: strings,
  candidates: count,
  /** Final verdicts over the candidates: ✅, ❌, ⚠️, none. */
  ok: count,
  no: count,
  warn: count,
  none: count,
  consistent: flag,
  rejection: flag,
  warnings: strings,
  /** Extra kinds for the kind filter (e.g. an eval's `wrong`). */
  kinds: strings,
  score: nullable(finite),
  error: nullable(str()),
  /** Position of the run that wrote it in the index's `runs`. */
  run: count,
  hasDetail: flag,
  imageKey: str(),
  /** The model whose answer an eval entry shows; null for visualize. */
  model: nullable(str({ max: 200 })),
} as const;

export const ROW_SCHEMA = object(ROW_SHAPE);
export type ViewerRow = InferShape<typeof ROW_SHAPE>;
export type Column = keyof ViewerRow;
export const COLUMNS = Object.keys(ROW_SHAPE) as Column[];

/** Columns a file of an earlier release may lack, with the value its rows take. */
const ADDED_COLUMNS: Partial<ViewerRow> = { model: null };

/** A row as it is stored: an array in COLUMNS order (45k objects with repeated keys would double the file). */
export type IndexRow = ViewerRow[Column][];

export function rowArray(row: ViewerRow): IndexRow {
  return COLUMNS.map((c) => row[c]);
}

/**
 * The columns list of an earlier file, checked: every column of today's row is there (or is one added since, see
 * ADDED_COLUMNS), none twice. Returns what is wrong, or null.
 */
export function checkColumns(columns: readonly string[]): string | null {
  if (new Set(columns).size !== columns.length) return 'columns: a column is listed twice';
  const missing = COLUMNS.filter((c) => !columns.includes(c) && !(c in ADDED_COLUMNS));
  return missing.length > 0 ? `columns: ${missing.join(', ')} missing` : null;
}

/** A stored row of a file with these columns, checked against the schema: the row, or what is wrong with it. */
export function rowFromArray(value: unknown, columns: readonly string[], at: string): ViewerRow | string {
  if (!Array.isArray(value) || value.length !== columns.length) return `${at}: expected a list of ${columns.length} values`;
  const fields: Record<string, unknown> = { ...ADDED_COLUMNS };
  columns.forEach((c, j) => {
    if (Object.hasOwn(ROW_SHAPE, c)) fields[c] = value[j];
  });
  return ROW_SCHEMA.check(fields, at) ?? (fields as ViewerRow);
}
