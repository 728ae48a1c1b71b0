import { describe, expect, it } from 'vitest';
import { parseAnnotationLine } from '../../src/dataset/annotation.js';
import { annotationLine, dataError, sampleAnnotation } from './helpers.js';

const where = { file: '/d/x.annotations.tsv', index: 7, offset: 1234 };

function line(text: string): Buffer {
  return Buffer.from(text.endsWith('\n') ? text.slice(0, -1) : text);
}

describe('parseAnnotationLine', () => {
  it('parses escaped-ASCII and raw UTF-8 JSON to the same annotation, keeping extra keys', () => {
    const annotation = { ...sampleAnnotation(), source: 'coco', think: 'Person 2 → ✅, Let’s go 😀' };
    const escaped = parseAnnotationLine(line(annotationLine(4400000000, annotation, { ascii: true })), where);
    const raw = parseAnnotationLine(line(annotationLine(4400000000, annotation, { ascii: false })), where);
    expect(escaped).toEqual(raw);
    expect(escaped.imgOffset).toBe(4400000000);
    expect(escaped.annotation.think).toBe('Person 2 → ✅, Let’s go 😀');
    expect(escaped.annotation.gtBoxes[2]).toEqual([668.186, 176.46, 372.527, 847.631]);
    expect(escaped.annotation.regionMap).toEqual({ 'the two people holding hands': [1, 3] });
    expect(escaped.annotation.extra).toEqual({ source: 'coco' });
  });

  it('splits at the first tab only (a later raw tab is JSON whitespace)', () => {
    const text = `5\t{"gt_boxes": [],\t"region_map": {}, "think": "a\\tb"}`;
    expect(parseAnnotationLine(Buffer.from(text), where).annotation.think).toBe('a\tb');
  });

  it('names the field path of a wrong type', () => {
    const bad = { ...sampleAnnotation(), gt_boxes: [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4], [1, '2', 3, 4]] };
    const error = dataError(() => parseAnnotationLine(line(annotationLine(0, bad)), where));
    expect(error.code).toBe('wrong-type');
    expect(error.message).toBe(
      '/d/x.annotations.tsv, sample 7, byte offset 1234: gt_boxes[3][1] should be a finite number, but is the string "2". The annotation does not follow the HumanRef-CoT format; skip this sample',
    );
  });

  it.each([
    [{ gt_boxes: [[1, 2, 3]], region_map: {}, think: '' }, 'gt_boxes[0] should be an array of 4 numbers [x, y, w, h], but is an array of 3'],
    [{ gt_boxes: [], region_map: { 'a man': [0, 1.5] }, think: '' }, 'region_map["a man"][1] should be an integer box index, but is number 1.5'],
    [{ gt_boxes: [], region_map: { x: 3 }, think: '' }, 'region_map["x"] should be an array of box indices, but is number 3'],
    [{ gt_boxes: [], region_map: [], think: '' }, 'region_map should be an object of expression -> index array, but is an array of 0'],
    [{ gt_boxes: [], region_map: {} }, 'think should be a string, but is missing'],
    [{ region_map: {}, think: '' }, 'gt_boxes should be an array of [x, y, w, h] boxes, but is missing'],
    [[1, 2], '(root) should be a JSON object, but is an array of 2'],
  ])('wrong-type: %j', (annotation, problem) => {
    const error = dataError(() => parseAnnotationLine(line(annotationLine(0, annotation)), where));
    expect(error.code).toBe('wrong-type');
    expect(error.problem).toBe(problem);
  });

  it('rejects a non-finite number written as a huge literal', () => {
    const error = dataError(() => parseAnnotationLine(Buffer.from('0\t{"gt_boxes": [[1e999, 0, 1, 1]], "region_map": {}, "think": ""}'), where));
    expect(error.problem).toBe('gt_boxes[0][0] should be a finite number, but is number Infinity');
  });

  it('tolerates a trailing CR only through the reader: a bare parse sees CR as JSON whitespace', () => {
    const parsed = parseAnnotationLine(Buffer.from('3\t{"gt_boxes": [], "region_map": {}, "think": "x"}\r'), where);
    expect(parsed.annotation.think).toBe('x');
  });

  it.each([
    ['no tab here', 'column-count', 'the annotation line has no tab (expected `<image offset>\\t<json>`)'],
    ['12a\t{}', 'bad-offset-field', 'the first column should be a decimal byte offset into the images TSV, but is "12a"'],
    ['-5\t{}', 'bad-offset-field', 'the first column should be a decimal byte offset into the images TSV, but is "-5"'],
    ['\t{}', 'bad-offset-field', 'the first column should be a decimal byte offset into the images TSV, but is ""'],
    ['99999999999999999999\t{}', 'bad-offset-field', 'the first column should be a decimal byte offset into the images TSV, but is "99999999999999999999"'],
    ['0\t{"gt_boxes": [', 'invalid-json', undefined],
  ])('%s -> %s', (text, code, problem) => {
    const error = dataError(() => parseAnnotationLine(Buffer.from(text), where));
    expect(error.code).toBe(code);
    if (problem) expect(error.problem).toBe(problem);
    expect(error.where).toEqual(where);
  });

  it('reports invalid UTF-8 instead of replacing it', () => {
    const bytes = Buffer.concat([Buffer.from('0\t{"think": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const error = dataError(() => parseAnnotationLine(bytes, where));
    expect(error.code).toBe('invalid-json');
    expect(error.problem).toBe('the JSON column is not valid UTF-8');
  });

  it('keeps "__proto__" as an ordinary key of region_map and extra, never as a prototype', () => {
    const { annotation } = parseAnnotationLine(line('0\t{"gt_boxes": [], "region_map": {"__proto__": [0]}, "think": "", "__proto__": {"polluted": 1}}'), where);
    expect(Object.keys(annotation.regionMap)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(annotation.regionMap)).toBe(Object.prototype);
    expect(Object.keys(annotation.extra)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(annotation.extra)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('quotes at most 60 characters of a long expression in a message', () => {
    const long = 'x'.repeat(5000);
    const error = dataError(() => parseAnnotationLine(line(`0\t{"gt_boxes": [], "region_map": {"${long}": "no"}, "think": ""}`), where));
    expect(error.problem).toBe(`region_map["${'x'.repeat(60)}…"] should be an array of box indices, but is the string "no"`);
  });
});
