import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseReview, readReview } from '../../src/sources/review.js';
import { tempDirForFile } from '../cli.js';

const tmp = tempDirForFile('review');

const valid = {
  version: 1,
  tool: 'humanref-vis 0.1.0',
  runs: ['2026-12-03T09:00:00.000Z'],
  samples: {
    main_000042: { status: 'rejected', note: 'box 3 is a mannequin', at: '2026-12-03T09:10:00.000Z' },
    rejection_000001: { status: 'accepted', at: '2026-12-03T09:11:00+01:00' },
    // A mark cleared in the viewer (`u`) is kept with its note.
    main_000043: { status: 'unreviewed', note: 'look again', at: '2026-12-03T09:12:00.000Z' },
  },
};
const text = (value: unknown) => JSON.stringify(value);
const refused = (value: unknown) => {
  try {
    parseReview(typeof value === 'string' ? value : text(value), 'review.json');
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error('accepted');
};

describe('review.json', () => {
  it('reads the marks keyed by sample name, notes optional', () => {
    const review = parseReview(text(valid), 'review.json');
    expect(review.runs).toEqual(['2026-12-03T09:00:00.000Z']);
    expect([...review.samples.keys()]).toEqual(['main_000042', 'rejection_000001', 'main_000043']);
    expect(review.samples.get('main_000042')).toEqual({ status: 'rejected', note: 'box 3 is a mannequin', at: '2026-12-03T09:10:00.000Z' });
    expect(review.samples.get('rejection_000001')?.note).toBeUndefined();
  });

  it('names the file, the sample and the field of what is wrong', () => {
    expect(refused('{"version": 1,')).toMatch(/^--review review\.json: not JSON/);
    expect(refused([])).toMatch(/expected an object/);
    expect(refused({ ...valid, version: 2 })).toMatch(/"version" is number; this humanref-vis reads version 1/);
    expect(refused({ ...valid, extra: true })).toMatch(/unknown field "extra"/);
    expect(refused({ ...valid, tool: 3 })).toMatch(/"tool" must be a string/);
    expect(refused({ ...valid, runs: [1] })).toMatch(/"runs" must be a list of run ids/);
    expect(refused({ ...valid, samples: [] })).toMatch(/"samples" must be an object keyed by sample name/);
    expect(refused({ ...valid, samples: { 'main_42': valid.samples.main_000042 } })).toMatch(/sample "main_42" is not a sample name/);
    expect(refused({ ...valid, samples: { main_000042: { ...valid.samples.main_000042, status: 'maybe' } } })).toMatch(/sample "main_000042": "status" is "maybe", expected "accepted", "rejected" or "unreviewed"/);
    expect(refused({ ...valid, samples: { main_000042: { status: 'accepted', at: 'yesterday' } } })).toMatch(/sample "main_000042": "at" must be an ISO time/);
    expect(refused({ ...valid, samples: { main_000042: { status: 'accepted', at: '2026-12-03T09:10:00Z', note: 5 } } })).toMatch(/"note" must be a string/);
    expect(refused({ ...valid, samples: { main_000042: { status: 'accepted', at: '2026-12-03T09:10:00Z', by: 'x' } } })).toMatch(/unknown field "by"/);
    expect(refused({ ...valid, samples: { main_000042: 'rejected' } })).toMatch(/expected \{"status", "note", "at"\}, found "rejected"/);
  });

  it('says when the file is missing', async () => {
    await expect(readReview(join(tmp.dir, 'nope.json'))).rejects.toThrow(/nope\.json: no such file/);
    await writeFile(join(tmp.dir, 'r.json'), text(valid));
    expect((await readReview(join(tmp.dir, 'r.json'))).samples.size).toBe(3);
  });
});
