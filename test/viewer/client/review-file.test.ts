// review.json: what the viewer writes, and what reading one back keeps, skips and says.
import { describe, expect, it } from 'vitest';
import { mergeMarks, parseReviewFile, reviewFileText, type Mark } from '../../../src/viewer/client/review-file.js';

const T1 = Date.parse('2026-12-03T10:00:00.000Z');
const T2 = Date.parse('2026-12-03T11:00:00.000Z');

describe('review.json', () => {
  it('writes version, tool, runs and the samples sorted by name, each with status, note and an ISO time', () => {
    const marks = new Map<string, Mark>([
      ['main_000042', { status: 'rejected', note: 'Person 3 is the target', at: T2 }],
      ['main_000007', { status: 'accepted', note: '', at: T1 }],
    ]);
    expect(reviewFileText('humanref-vis 1.2.3', ['2026-12-03T09:00:00.000Z'], marks)).toBe(`{
  "version": 1,
  "tool": "humanref-vis 1.2.3",
  "runs": [
    "2026-12-03T09:00:00.000Z"
  ],
  "samples": {
    "main_000007": {
      "status": "accepted",
      "note": "",
      "at": "2026-12-03T10:00:00.000Z"
    },
    "main_000042": {
      "status": "rejected",
      "note": "Person 3 is the target",
      "at": "2026-12-03T11:00:00.000Z"
    }
  }
}
`);
  });

  it('reads its own file back, and a note-less mark or a time with an offset too', () => {
    const marks = new Map<string, Mark>([['a', { status: 'unreviewed', note: 'look again', at: T1 }]]);
    expect(parseReviewFile(reviewFileText('t', ['r'], marks))).toEqual({ runs: ['r'], marks, problems: [] });
    const other = parseReviewFile('{"version":1,"samples":{"b":{"status":"accepted","at":"2026-12-03T12:00:00+02:00"}}}');
    expect(other.marks.get('b')).toEqual({ status: 'accepted', note: '', at: T1 });
    expect(other.runs).toEqual([]);
  });

  it('names and skips each bad mark, keeping the rest; refuses a file that is not a review', () => {
    const parsed = parseReviewFile(JSON.stringify({ version: 1, samples: { ok: { status: 'rejected', at: '2026-12-03T10:00:00Z' }, s1: { status: 'bad', at: '2026-12-03T10:00:00Z' }, s2: { status: 'accepted', at: 'yesterday' }, s3: 'rejected', s4: { status: 'accepted', note: 5, at: '2026-12-03T10:00:00Z' } } }));
    expect([...parsed.marks.keys()]).toEqual(['ok']);
    expect(parsed.problems).toEqual([
      's1: status "bad" is not accepted, rejected or unreviewed',
      's2: at "yesterday" is not an ISO 8601 time',
      's3: not an object',
      's4: note is not text',
    ]);
    expect(() => parseReviewFile('not json')).toThrow(/^it is not JSON \(.+\); choose a review\.json saved by this viewer$/);
    expect(() => parseReviewFile('{"version":2,"samples":{}}')).toThrow('it is not a review file (it needs "version": 1 and a "samples" object)');
    expect(() => parseReviewFile('[]')).toThrow('it is not a review file');
  });

  it('merges with the newer mark of each sample winning, a tie keeping the one there', () => {
    const here = new Map<string, Mark>([
      ['a', { status: 'accepted', note: '', at: T2 }],
      ['b', { status: 'accepted', note: '', at: T1 }],
      ['c', { status: 'accepted', note: 'mine', at: T1 }],
    ]);
    const incoming = new Map<string, Mark>([
      ['a', { status: 'rejected', note: '', at: T1 }],
      ['b', { status: 'rejected', note: 'theirs', at: T2 }],
      ['c', { status: 'rejected', note: 'theirs', at: T1 }],
      ['d', { status: 'unreviewed', note: 'new', at: T1 }],
    ]);
    expect(mergeMarks(here, incoming)).toBe(2);
    expect(Object.fromEntries([...here].map(([k, m]) => [k, `${m.status} ${m.note}`]))).toEqual({ a: 'accepted ', b: 'rejected theirs', c: 'accepted mine', d: 'unreviewed new' });
  });
});
