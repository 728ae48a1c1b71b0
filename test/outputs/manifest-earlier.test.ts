// An earlier run's manifest.csv read back: its rows (old releases' without a run column), or set aside when not ours.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEarlierRows } from '../../src/outputs/manifest-earlier.js';
import { MANIFEST_HEADERS } from '../../src/outputs/manifest-format.js';
import { tempDirForEachTest } from '../cli.js';

const tmp = tempDirForEachTest('manifest-earlier');

describe('readEarlierRows', () => {
  it('is no rows and no warning when the folder has no manifest', async () => {
    const warnings: string[] = [];
    expect(await readEarlierRows(tmp.dir, (w) => warnings.push(w))).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("gives every column to each row, an old release's missing run column as empty", async () => {
    const old = MANIFEST_HEADERS.filter((h) => h !== 'run');
    await writeFile(join(tmp.dir, 'manifest.csv'), `${old.join(',')}\n${old.map((h) => (h === 'expression' ? '"a, b"' : h === 'index' ? '3' : '')).join(',')}\n`);
    const rows = await readEarlierRows(tmp.dir, () => {});
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0])).toEqual([...MANIFEST_HEADERS]);
    expect([rows[0].index, rows[0].expression, rows[0].run]).toEqual(['3', 'a, b', '']);
  });

  it('sets a CSV without index, file and status columns aside with a warning, and starts from no rows', async () => {
    await writeFile(join(tmp.dir, 'manifest.csv'), 'name,age\nx,3\n');
    const warnings: string[] = [];
    expect(await readEarlierRows(tmp.dir, (w) => warnings.push(w))).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('it has no index, file and status columns');
    expect((await readdir(tmp.dir)).filter((f) => /^manifest\.unreadable-.+\.csv$/.test(f))).toHaveLength(1);
  });
});
