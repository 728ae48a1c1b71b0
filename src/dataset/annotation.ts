// Parses an annotation line `<img_offset>\t<json>` into a type-checked Annotation.
import { DataError, type DataLocation } from '../errors.js';
import type { Annotation } from '../types.js';

const KNOWN_KEYS = new Set(['gt_boxes', 'region_map', 'think']);
// fatal: invalid UTF-8 is reported, not silently replaced with U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface AnnotationLine {
  imgOffset: number;
  annotation: Annotation;
}

/** Splits at the first tab, reads the decimal image offset, then parses and checks the JSON. */
export function parseAnnotationLine(line: Buffer, where: DataLocation): AnnotationLine {
  const tab = line.indexOf(0x09);
  if (tab === -1) {
    throw new DataError('column-count', where, 'the annotation line has no tab (expected `<image offset>\\t<json>`)', 'Check that this is an annotations TSV');
  }
  const field = line.toString('latin1', 0, tab);
  if (!/^\d+$/.test(field) || !Number.isSafeInteger(Number(field))) {
    throw new DataError(
      'bad-offset-field',
      where,
      `the first column should be a decimal byte offset into the images TSV, but is ${JSON.stringify(field.slice(0, 40))}`,
      'Check that this is an annotations TSV and not an images TSV',
    );
  }
  let text: string;
  try {
    // Offsets count bytes: the line was sliced as bytes, so decoding happens only now.
    text = utf8.decode(line.subarray(tab + 1));
  } catch {
    throw new DataError('invalid-json', where, 'the JSON column is not valid UTF-8', 'The file is probably corrupt; download it again');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataError('invalid-json', where, `the JSON column does not parse (${reason})`, 'The line is probably truncated or corrupt; skip this sample');
  }
  return { imgOffset: Number(field), annotation: checkAnnotation(value, where) };
}

/** Checks the types of gt_boxes, region_map and think; keeps any other key in `extra`. */
export function checkAnnotation(value: unknown, where: DataLocation): Annotation {
  if (!isPlainObject(value)) throw wrongType(where, '(root)', 'a JSON object', value);
  const gtBoxes = checkBoxes(value.gt_boxes, where);
  const regionMap = checkRegionMap(value.region_map, where);
  if (typeof value.think !== 'string') throw wrongType(where, 'think', 'a string', value.think);
  // fromEntries defines own properties: a "__proto__" key stays a key instead of replacing the prototype.
  const extra: Record<string, unknown> = Object.fromEntries(Object.entries(value).filter(([key]) => !KNOWN_KEYS.has(key)));
  return { gtBoxes, regionMap, think: value.think, extra };
}

function checkBoxes(value: unknown, where: DataLocation): [number, number, number, number][] {
  if (!Array.isArray(value)) throw wrongType(where, 'gt_boxes', 'an array of [x, y, w, h] boxes', value);
  return value.map((box: unknown, i) => {
    if (!Array.isArray(box) || box.length !== 4) throw wrongType(where, `gt_boxes[${i}]`, 'an array of 4 numbers [x, y, w, h]', box);
    box.forEach((n: unknown, j) => {
      if (typeof n !== 'number' || !Number.isFinite(n)) throw wrongType(where, `gt_boxes[${i}][${j}]`, 'a finite number', n);
    });
    return [box[0], box[1], box[2], box[3]] as [number, number, number, number];
  });
}

function checkRegionMap(value: unknown, where: DataLocation): Record<string, number[]> {
  if (!isPlainObject(value)) throw wrongType(where, 'region_map', 'an object of expression -> index array', value);
  const out: [string, number[]][] = [];
  for (const [expression, indices] of Object.entries(value)) {
    const path = `region_map[${JSON.stringify(expression.length > 60 ? expression.slice(0, 60) + '…' : expression)}]`;
    if (!Array.isArray(indices)) throw wrongType(where, path, 'an array of box indices', indices);
    indices.forEach((n: unknown, j) => {
      if (typeof n !== 'number' || !Number.isInteger(n)) throw wrongType(where, `${path}[${j}]`, 'an integer box index', n);
    });
    out.push([expression, indices as number[]]);
  }
  return Object.fromEntries(out);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 30 ? value.slice(0, 30) + '…' : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function wrongType(where: DataLocation, path: string, expected: string, actual: unknown): DataError {
  return new DataError('wrong-type', where, `${path} should be ${expected}, but is ${describe(actual)}`, 'The annotation does not follow the HumanRef-CoT format; skip this sample');
}
