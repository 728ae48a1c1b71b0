// The grid row declared once: its column order, the names it takes, and the check of an earlier file's columns.
import { describe, expect, it } from 'vitest';
import { checkColumns, COLUMNS, rowArray, rowFromArray, SAFE_NAME } from '../../src/viewer/index-schema.js';
import { viewerRow } from '../../src/viewer/data-files.js';

const row = viewerRow({ name: 'main_000001', split: 'main', index: 1, status: 'rendered', file: 'main_000001.png', expressions: [], candidates: 2, verdictCounts: { '✅': 1, '❌': 1, '⚠️': 0, none: 0 }, consistent: true, rejection: false, warnings: [] }, 0);

describe('index schema', () => {
  it('takes plain file names only: no paths, no dot folders, not __proto__', () => {
    expect(['main_000001', 'a.b-c'].map((n) => SAFE_NAME.test(n))).toEqual([true, true]);
    expect(['../x', 'a/b', '.', '..', '__proto__', '', 'a b', 'x'.repeat(201)].map((n) => SAFE_NAME.test(n))).toEqual(Array(8).fill(false));
  });

  it("accepts an earlier file's columns in any order, lacking only a column added since", () => {
    expect(checkColumns([...COLUMNS].reverse())).toBeNull();
    expect(checkColumns(COLUMNS.filter((c) => c !== 'model'))).toBeNull();
    expect(checkColumns(COLUMNS.filter((c) => c !== 'split' && c !== 'score'))).toBe('columns: split, score missing');
    expect(checkColumns([...COLUMNS, 'name'])).toBe('columns: a column is listed twice');
  });

  it('reads a stored row back by its columns, an older one with model null, and names what is wrong', () => {
    expect(rowFromArray(rowArray(row), COLUMNS, 'entries[0]')).toEqual(row);
    const older = COLUMNS.filter((c) => c !== 'model');
    expect(rowFromArray(older.map((c) => row[c]), older, 'entries[0]')).toEqual({ ...row, model: null });
    expect(rowFromArray(rowArray({ ...row, name: '../up' }), COLUMNS, 'entries[3]')).toBe('entries[3].name: expected a plain file name, found "../up"');
  });
});
