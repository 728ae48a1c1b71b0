// manifest.csv's text cells kept from running as spreadsheet formulas, and read back as they were written.
import { describe, expect, it } from 'vitest';
import { MANIFEST_HEADERS, neutraliseCell, neutraliseRow, unneutraliseCell, type ManifestRow } from '../../src/outputs/manifest-format.js';

describe('neutralising cells', () => {
  it('reads a neutralised cell back as it was before, for every formula start and for plain text', () => {
    for (const text of ['=1+1', '+x', '-5 apples', '@SUM(A1)', '\tx', '\rx', '\uFF1Dx', 'plain', "'quoted", '']) {
      expect(unneutraliseCell(neutraliseCell(text)), JSON.stringify(text)).toBe(text);
    }
    // An apostrophe a user wrote before ordinary text is theirs, not ours: kept.
    expect(unneutraliseCell("'quoted")).toBe("'quoted");
  });

  it('neutralises the text columns of a row only, numbers and fixed words untouched', () => {
    const row = Object.fromEntries(MANIFEST_HEADERS.map((h) => [h, '-1'])) as ManifestRow;
    const out = neutraliseRow(row);
    expect(MANIFEST_HEADERS.filter((h) => out[h] !== row[h])).toEqual(['split', 'image_key', 'expression', 'warnings', 'file', 'error', 'run']);
    expect(out.index).toBe('-1');
    expect(row.split).toBe('-1');
  });
});
