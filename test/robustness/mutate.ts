// Seeded mutations of fixture lines: bytes, tabs, newlines, offsets, JSON types and nesting, base64 and image bytes.
import { pythonJson } from '../dataset/helpers.js';
import { plainAnnotation, type CorpusSample, type Entry } from './corpus.js';
import { jpegWithSize, pngBomb } from './images.js';

type Rand = () => number;

export interface Mutant {
  /** What was done, for failure messages (replayable with the seed). */
  name: string;
  entry: Entry;
}

const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const int = (rand: Rand, n: number): number => Math.floor(rand() * n);

// Bytes that matter to the formats: separators, quotes, escapes, invalid UTF-8, NUL.
const NASTY = [0x09, 0x0a, 0x0d, 0x00, 0x22, 0x5c, 0x27, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0xff, 0xc3, 0xe2, 0x80, 0x3d, 0x2b, 0x2f];

function randomBytes(rand: Rand, n: number): Buffer {
  return Buffer.from(Array.from({ length: n }, () => (rand() < 0.6 ? pick(rand, NASTY) : int(rand, 256))));
}

/** One random byte-level edit of `line`. */
export function mutateBytes(rand: Rand, line: Buffer): { name: string; bytes: Buffer } {
  const at = int(rand, line.length + 1);
  const len = 1 + int(rand, 16);
  switch (int(rand, 9)) {
    case 0:
      return { name: `truncate at ${at}`, bytes: line.subarray(0, at) };
    case 1: {
      if (line.length === 0) return { name: 'flip (empty)', bytes: line };
      const copy = Buffer.from(line);
      const i = Math.min(at, line.length - 1);
      const mask = 1 + int(rand, 255);
      copy[i] ^= mask;
      return { name: `flip byte ${i} ^ ${mask}`, bytes: copy };
    }
    case 2: {
      const junk = randomBytes(rand, len);
      return { name: `insert ${junk.toString('hex')} at ${at}`, bytes: Buffer.concat([line.subarray(0, at), junk, line.subarray(at)]) };
    }
    case 3:
      return { name: `delete ${len} at ${at}`, bytes: Buffer.concat([line.subarray(0, at), line.subarray(at + len)]) };
    case 4:
      return { name: `duplicate ${len * 8} at ${at}`, bytes: Buffer.concat([line.subarray(0, at + len * 8), line.subarray(at)]) };
    case 5:
      return { name: `extra tab at ${at}`, bytes: Buffer.concat([line.subarray(0, at), Buffer.from('\t'), line.subarray(at)]) };
    case 6: {
      const tab = line.indexOf(0x09);
      if (tab === -1) return { name: 'remove tab (none)', bytes: line };
      return { name: 'remove the first tab', bytes: Buffer.concat([line.subarray(0, tab), line.subarray(tab + 1)]) };
    }
    case 7:
      return { name: `split with a newline at ${at}`, bytes: Buffer.concat([line.subarray(0, at), Buffer.from('\n'), line.subarray(at)]) };
    default:
      return { name: `carriage return at ${at}`, bytes: Buffer.concat([line.subarray(0, at), Buffer.from('\r'), line.subarray(at)]) };
  }
}

// Raw JSON tokens that JSON.stringify cannot write: substituted for these marker strings after serialising.
const RAW: Record<string, string> = {
  NaN: 'NaN',
  Infinity: 'Infinity',
  MinusInfinity: '-Infinity',
  Overflow: '1e400',
  DeepArray: '['.repeat(20_000) + ']'.repeat(20_000),
  DeepObject: '{"a": '.repeat(5_000) + '1' + '}'.repeat(5_000),
  Unclosed: '[[[[{"a": [1, 2',
};
const raw = (name: keyof typeof RAW) => `@@RAW:${name}@@`;

function serialise(value: unknown): Buffer {
  const text = pythonJson(value).replace(/"@@RAW:(\w+)@@"/g, (_, name: string) => RAW[name]);
  return Buffer.from(text, 'utf8');
}

const WRONG_VALUES: unknown[] = ['12.5', raw('NaN'), raw('Infinity'), raw('MinusInfinity'), raw('Overflow'), null, true, [], {}, [1, 2], '', raw('DeepArray')];
const HOSTILE_TEXT = ['../../etc/passwd', '<script>alert(1)</script>', 'a\nb\r\nc', 'nul\u0000byte', '\u2028\u2029', '"quoted", comma', '\ud800 lone surrogate', '%2e%2e%2f', '${HOME}', '😀'.repeat(50)];

/** One random structural edit of the annotation JSON; many stay well-typed (negative sizes, empty maps, odd keys). */
export function mutateJson(rand: Rand, sample: CorpusSample): { name: string; json: Buffer } {
  const value = JSON.parse(sample.json.toString('utf8')) as Record<string, unknown>;
  const boxes = value.gt_boxes as unknown[][];
  const box = boxes.length ? int(rand, boxes.length) : -1;
  const [expression] = Object.keys(value.region_map as object);
  const done = (name: string, v: unknown = value) => ({ name, json: serialise(v) });
  switch (int(rand, 16)) {
    case 0: {
      if (box < 0) return done('no boxes to edit');
      const wrong = pick(rand, WRONG_VALUES);
      const j = int(rand, 4);
      boxes[box][j] = wrong;
      return done(`gt_boxes[${box}][${j}] = ${JSON.stringify(wrong)?.slice(0, 20)}`);
    }
    case 1: {
      if (box < 0) return done('no boxes to edit');
      boxes[box][2] = -Number(boxes[box][2]);
      boxes[box][3] = -1e308;
      return done(`gt_boxes[${box}] negative sizes`);
    }
    case 2: {
      if (box < 0) return done('no boxes to edit');
      const n = pick(rand, [0, 3, 5, 40]);
      boxes[box] = Array.from({ length: n }, (_, k) => k * 10);
      return done(`gt_boxes[${box}] has ${n} numbers`);
    }
    case 3: {
      const wrong = pick(rand, [null, {}, 'boxes', 42, [[1, 2, 3, 4], 'x'], [[[1, 2, 3, 4]]], undefined, []]);
      value.gt_boxes = wrong;
      return done(`gt_boxes = ${JSON.stringify(wrong)}`);
    }
    case 4: {
      const wrong = pick(rand, [null, [], 'map', 7, undefined, {}, { [expression ?? 'e']: 5 }, { e: [1.5] }, { e: ['1'] }, { e: [-1, 1e300] }, { e: [[0]] }, { __proto__x: [0] }]);
      value.region_map = wrong;
      return done(`region_map = ${JSON.stringify(wrong)}`);
    }
    case 5: {
      const text = pick(rand, HOSTILE_TEXT);
      value.region_map = { [text]: [0], [`${text} again`]: [] };
      return done(`hostile expression ${JSON.stringify(text)}`);
    }
    case 6: {
      // JSON.parse makes "__proto__" an own key; the reader must keep it one.
      const text = sample.json.toString('utf8').replace(/"region_map": \{(\}?)/, (_, empty: string) => `"region_map": {"__proto__": [0]${empty ? '}' : ', '}`);
      return { name: 'region_map __proto__ key', json: Buffer.from(text) };
    }
    case 7: {
      const wrong = pick(rand, [null, 12, ['a'], { text: 'x' }, undefined, true]);
      value.think = wrong;
      return done(`think = ${JSON.stringify(wrong)}`);
    }
    case 8: {
      const think = String(value.think);
      value.think = pick(rand, [think.repeat(50), 'x'.repeat(100_000), `${think}\u0000\u0007\ud800${think}`, '', '\n'.repeat(20_000)]);
      return done(`think of ${(value.think as string).length} chars`);
    }
    case 9: {
      value.junk = pick(rand, [raw('DeepArray'), raw('DeepObject'), { a: { b: { c: [1, { d: null }] } } }, Array.from({ length: 10_000 }, (_, k) => k)]);
      return done('nested junk under an extra key');
    }
    case 10:
      return done('root is not an object', pick(rand, [[value], 'text', 42, null, raw('DeepArray'), raw('DeepObject')]));
    case 11:
      return { name: 'unclosed nesting', json: Buffer.from(raw('Unclosed').replace(/@@RAW:(\w+)@@/, (_, n: string) => RAW[n])) };
    case 12: {
      // Duplicate keys: JSON.parse keeps the last one.
      const text = sample.json.toString('utf8').replace(/}$/, ', "gt_boxes": "again"}');
      return { name: 'duplicate gt_boxes key, last one a string', json: Buffer.from(text) };
    }
    case 13:
      return { name: 'raw UTF-8 instead of \\u escapes', json: Buffer.from(JSON.stringify(value), 'utf8') };
    case 14:
      return { name: 'JSON with a BOM', json: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sample.json]) };
    default: {
      delete value[pick(rand, ['gt_boxes', 'region_map', 'think'])];
      return done('a required key missing');
    }
  }
}

/** The image offset column as hostile users and broken scripts write it, given the real offset and the images file size. */
export function mutateOffsetField(rand: Rand): { name: string; field: (imgOffset: number, imagesSize: number) => string } {
  const shift = 1 + int(rand, 5);
  const fields: [string, (o: number, size: number) => string][] = [
    [`real + ${shift}`, (o) => String(o + shift)],
    [`real - ${shift}`, (o) => String(Math.max(0, o - shift))],
    ['the images file size', (_, size) => String(size)],
    ['past the end', (_, size) => String(size + 1)],
    ['huge', () => '99999999999999'],
    ['2^53 + 1', () => '9007199254740993'],
    ['30 zeros', () => '1' + '0'.repeat(30)],
    ['negative', () => '-1'],
    ['minus zero', () => '-0'],
    ['empty', () => ''],
    ['letters', () => 'abc'],
    ['exponent', () => '1e3'],
    ['hex', () => '0x10'],
    ['leading space', (o) => ` ${o}`],
    ['trailing space', (o) => `${o} `],
    ['fraction', () => '1.5'],
    ['plus sign', () => '+5'],
    ['full-width digits', () => '１２'],
    ['leading zeros (valid)', (o) => `000${o}`],
    ['NaN', () => 'NaN'],
  ];
  const [name, field] = pick(rand, fields);
  return { name: `offset field: ${name}`, field };
}

/** An edit of the image line that keeps the line well-formed but breaks or bloats the image inside. */
export function mutateImage(rand: Rand, sample: CorpusSample): { name: string; line: Buffer } {
  const image = sample.image;
  const line = (bytes: Buffer, wrap = false) => Buffer.from(`${sample.key}\t${wrap ? `b'${bytes.toString('base64')}'` : bytes.toString('base64')}`);
  switch (int(rand, 8)) {
    case 0: {
      const keep = 1 + int(rand, image.length - 1);
      return { name: `image truncated to ${keep} bytes`, line: line(image.subarray(0, keep)) };
    }
    case 1: {
      const copy = Buffer.from(image);
      for (let k = 0; k < 20; k++) copy[64 + int(rand, copy.length - 64)] = int(rand, 256);
      return { name: 'image body corrupted', line: line(copy) };
    }
    case 2: {
      const copy = Buffer.from(image);
      copy[int(rand, Math.min(32, copy.length))] ^= 0xff;
      return { name: 'image header corrupted', line: line(copy, true) };
    }
    case 3: {
      const [w, h] = pick(rand, [[65000, 65000], [65535, 1000], [8000, 8000]]);
      const bomb = sample.image[0] === 0xff ? jpegWithSize(image, w, h) : pngBomb(w, h);
      return { name: `header claims ${w}×${h}`, line: line(bomb) };
    }
    case 4:
      return { name: 'PNG bomb 100000×100000', line: line(pngBomb(100_000, 100_000)) };
    case 5: {
      const b64 = image.toString('base64');
      const cut = 4 * (1 + int(rand, b64.length / 4 - 1));
      return { name: `base64 cut at ${cut} (a multiple of 4)`, line: Buffer.from(`${sample.key}\t${b64.slice(0, cut)}`) };
    }
    case 6: {
      const b64 = image.toString('base64').replace(/=+$/, '');
      return { name: 'base64 padding dropped, half a b-wrapper', line: Buffer.from(`${sample.key}\tb'${b64}`) };
    }
    default: {
      const key = pick(rand, HOSTILE_TEXT).replace(/[\t\n]/g, ' ');
      return { name: `hostile key ${JSON.stringify(key)}`, line: Buffer.from(`${key}\t${image.toString('base64')}`) };
    }
  }
}

/** A mutant of `sample`: one or more edits of one kind, chosen by `rand`. */
export function mutant(rand: Rand, sample: CorpusSample): Mutant {
  const kind = int(rand, 7);
  if (kind === 0) {
    let bytes: Buffer = Buffer.concat([Buffer.from('0\t'), sample.json]);
    const names: string[] = [];
    for (let k = 1 + int(rand, 3); k > 0; k--) {
      const m = mutateBytes(rand, bytes);
      bytes = m.bytes;
      names.push(m.name);
    }
    // The edits were made on a stand-in offset field; put the real offset in front of what is left of it.
    const edited = bytes;
    const startsWithField = edited.subarray(0, 2).equals(Buffer.from('0\t'));
    return {
      name: `annotation bytes: ${names.join(', ')}`,
      entry: {
        annotationLine: (o) => (startsWithField ? Buffer.concat([Buffer.from(String(o)), edited.subarray(1)]) : edited),
        imageLine: sample.imageLine,
      },
    };
  }
  if (kind === 1) {
    const m = mutateJson(rand, sample);
    return { name: `annotation JSON: ${m.name}`, entry: { annotationLine: plainAnnotation(m.json), imageLine: sample.imageLine } };
  }
  if (kind === 2) {
    const m = mutateOffsetField(rand);
    return {
      name: m.name,
      entry: { annotationLine: (o, size) => Buffer.concat([Buffer.from(`${m.field(o, size)}\t`), sample.json]), imageLine: sample.imageLine },
    };
  }
  if (kind === 3) {
    let line = sample.imageLine;
    const names: string[] = [];
    for (let k = 1 + int(rand, 2); k > 0; k--) {
      const m = mutateBytes(rand, line);
      line = m.bytes;
      names.push(m.name);
    }
    return { name: `image bytes: ${names.join(', ')}`, entry: { annotationLine: plainAnnotation(sample.json), imageLine: line } };
  }
  if (kind === 4) {
    const m = mutateImage(rand, sample);
    return { name: m.name, entry: { annotationLine: plainAnnotation(sample.json), imageLine: m.line } };
  }
  if (kind === 5) {
    const which = pick(rand, ['annotation', 'image'] as const);
    return {
      name: `${which} line joined with the next`,
      entry: { annotationLine: plainAnnotation(sample.json), imageLine: sample.imageLine, annNewline: which !== 'annotation', imgNewline: which !== 'image' },
    };
  }
  // Several kinds at once.
  const a = mutateJson(rand, sample);
  const b = mutateImage(rand, sample);
  return { name: `JSON ${a.name} and image ${b.name}`, entry: { annotationLine: plainAnnotation(a.json), imageLine: b.line } };
}
