// The viewer's data scripts: a grid row per entry, the index written one row a line and parsed back, the search text.
import { describe, expect, it } from 'vitest';
import { COLUMNS, rowArray, ROW_SCHEMA } from '../../src/viewer/index-schema.js';
import { detailScript, indexScript, keptTextLine, parseIndexScript, textLine, viewerRow } from '../../src/viewer/data-files.js';
import type { ViewerEntry } from '../../src/viewer/types.js';

const entry: ViewerEntry = {
  name: 'main_000003', split: 'main', index: 3, status: 'rendered', file: 'main_000003.png', expressions: ['the man'], candidates: 4,
  verdictCounts: { '✅': 1, '❌': 2, '⚠️': 1, none: 0 }, consistent: false, rejection: true, warnings: ['w'],
};

describe('viewerRow', () => {
  it('flattens the verdict counts and flags, and fills what visualize leaves out with its empty value', () => {
    const row = viewerRow(entry, 2);
    expect(row).toMatchObject({ ok: 1, no: 2, warn: 1, none: 0, consistent: 0, rejection: 1, run: 2, kinds: [], score: null, error: null, hasDetail: 0, imageKey: '', model: null });
    expect(ROW_SCHEMA.check(row, 'row')).toBeNull();
  });

  it('stores a score JSON cannot carry (NaN, Infinity) as none, not as a silent null of another meaning', () => {
    expect([viewerRow({ ...entry, score: Number.NaN }, 0).score, viewerRow({ ...entry, score: Infinity }, 0).score, viewerRow({ ...entry, score: 0.25 }, 0).score]).toEqual([null, null, 0.25]);
  });
});

describe('index script', () => {
  it('is one row a line and parses back to what was written, with markup and line separators in the data', () => {
    const hostile = { ...entry, expressions: ['</script><b>"x"</b>\u2028\n'] };
    const data = { version: 1 as const, title: 'T', columns: COLUMNS, runs: [{ run: 'R' }], entries: [rowArray(viewerRow(entry, 0)), rowArray(viewerRow(hostile, 0))] };
    const text = indexScript(data);
    expect(text.startsWith('window.HRV_INDEX = {"version":1,"title":"T",')).toBe(true);
    expect(text.split('\n')).toHaveLength(5);
    expect(parseIndexScript(text)).toEqual(JSON.parse(JSON.stringify(data)));
  });

  it('refuses text that is not an index script', () => {
    expect(() => parseIndexScript('{"version":1}')).toThrow('it does not start with "window.HRV_INDEX ="');
  });
});

describe('search text and detail scripts', () => {
  it('lower-case the reasoning once, keep a copied line as it was, and name the sample in its detail', () => {
    expect(textLine('a_1', 'Person 1 ✅ "Red"')).toBe('"a_1":"person 1 ✅ \\"red\\"",\n');
    expect(keptTextLine('a_1', 'Already Kept')).toBe('"a_1":"Already Kept",\n');
    expect(detailScript('a_1', { think: 'x' })).toBe('HRV_SAMPLE({"name":"a_1","think":"x"});\n');
  });
});
