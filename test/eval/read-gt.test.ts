// The ground-truth reader: every bad line is one message with file and line, and never stops the read.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { readGroundTruth } from '../../src/eval/read-gt.js';
import { gtLine, jsonlFolder } from './jsonl-files.js';

const files = jsonlFolder();

describe('readGroundTruth', () => {
  it('keeps good lines, reports each bad one with file, line and what to do, and goes on', async () => {
    const p = await files.file('gt.jsonl', [
      '\uFEFF' + gtLine('a'),
      '{"id": "b", oops',
      '[1, 2]',
      '',
      gtLine('c', { candidate_boxes: [[0, 0, 10]] }),
      gtLine('d', { answer_boxes: [] }),
      gtLine(null),
      gtLine('e', { domain: 'rejection', answer_boxes: [] }),
      gtLine(7),
      gtLine('a'),
    ]);
    const r = await readGroundTruth(p);
    expect(r.samples.map((s) => s.id)).toEqual(['a', 'e', 7, 'a']);
    expect(r.samples.map((s) => s.position)).toEqual([0, 1, 2, 3]);
    expect(r.samples.map((s) => s.line)).toEqual([1, 8, 9, 10]);
    expect(r.problems.map((x) => x.line)).toEqual([2, 3, 5, 6, 7]);
    for (const x of r.problems) expect(x.message.startsWith(`${p}, line ${x.line}: `)).toBe(true);
    expect(r.problems[0].message).toMatch(/not valid JSON.*Fix or delete this line/);
    expect(r.problems[2].message).toMatch(/"candidate_boxes" entry 0 is not a box/);
    expect(r.problems[3].message).toMatch(/"answer_boxes" is empty but the domain is "attribute"/);
    expect(r.problems[4].message).toMatch(/"id" is missing/);
    expect(r.duplicateIds).toEqual(['a']);
  });

  it('reads CRLF files', async () => {
    const r = await readGroundTruth(await files.file('crlf.jsonl', [gtLine('x'), gtLine('y')], '\r\n'));
    expect(r.samples.map((s) => s.id)).toEqual(['x', 'y']);
    expect(r.problems).toEqual([]);
  });

  it('a missing file is one DataError naming it', async () => {
    const missing = path.join(files.dir, 'nope.jsonl');
    await expect(readGroundTruth(missing)).rejects.toBeInstanceOf(DataError);
    await expect(readGroundTruth(missing)).rejects.toThrow(/nope\.jsonl: cannot read the ground-truth annotations\.jsonl \(no such file\)/);
  });
});
