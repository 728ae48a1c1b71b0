// The shape of manifest.csv (its columns, its file name) and how its text cells are kept from running as formulas.

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

export type ManifestRow = Record<(typeof MANIFEST_HEADERS)[number], string>;
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

export function neutraliseRow(row: ManifestRow): ManifestRow {
  const out = { ...row };
  for (const column of TEXT_COLUMNS) out[column] = neutraliseCell(out[column]);
  return out;
}

// fast-csv costs ~35 ms of start-up (CommonJS through the ESM loader): loaded on first use, never at start.
let csv: Promise<typeof import('fast-csv')> | undefined;
export const loadCsv = () => (csv ??= import('fast-csv'));
