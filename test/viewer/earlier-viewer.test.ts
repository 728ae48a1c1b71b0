// The viewer index read back through the row schema: an index of the previous release (no `model` column) merges,
// a row that fails one field is left out with its path named, a file that is not an index is set aside whole.
import { readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEarlierIndex } from '../../src/viewer/earlier-viewer.js';
import { COLUMNS, rowFromArray } from '../../src/viewer/index-schema.js';
import { tempDirForEachTest } from '../cli.js';

const tmp = tempDirForEachTest('earlier-viewer');
const OLD_COLUMNS = COLUMNS.filter((c) => c !== 'model');
const oldRow = (name: string) => [name, `${name}.png`, 'main', 1, 'rendered', ['e'], 2, 1, 1, 0, 0, 1, 0, [], [], null, null, 0, 0, 'key'];
const indexText = (data: object) => `window.HRV_INDEX = ${JSON.stringify(data)};\n`;

async function read(data: object | string) {
  await writeFile(join(tmp.dir, 'viewer-index.js'), typeof data === 'string' ? data : indexText(data));
  const warnings: string[] = [];
  const index = await readEarlierIndex(tmp.dir, (w) => warnings.push(w));
  return { index, warnings, files: (await readdir(tmp.dir)).sort() };
}

describe('readEarlierIndex', () => {
  it("reads an index of the previous release by its own columns; rows get model null", async () => {
    const r = await read({ version: 1, title: 't', columns: OLD_COLUMNS, runs: [{ run: 'a' }], entries: [oldRow('main_1')] });
    expect(r.warnings).toEqual([]);
    expect(r.index?.rows).toEqual([expect.objectContaining({ name: 'main_1', file: 'main_1.png', model: null, run: 0, expressions: ['e'] })]);
    expect(r.files).toEqual(['viewer-index.js']);
  });

  it('leaves out each row that fails the schema, naming the field, and keeps the file as it was', async () => {
    const bad = [
      ['main_2', 'main_2.png', 'main', -1, ...oldRow('x').slice(4)],
      [...oldRow('main_3').slice(0, 17), 5, 0, 'key'],
      ['__proto__', ...oldRow('x').slice(1)],
      oldRow('main_1'),
    ];
    const r = await read({ version: 1, title: 't', columns: OLD_COLUMNS, runs: [{}], entries: [oldRow('main_1'), ...bad] });
    expect(r.index?.rows.map((row) => row.name)).toEqual(['main_1']);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/entries\[1\]\.index: expected a whole number >= 0, found -1 and 3 more could not be used and were left out; the file as it was is kept as .*viewer-index\.unreadable-\d+\.js$/);
    expect(r.files).toEqual([expect.stringMatching(/^viewer-index\.(js|unreadable-\d+\.js)$/), expect.stringMatching(/^viewer-index\.(js|unreadable-\d+\.js)$/)]);
  });

  it('says which field of a row is wrong', () => {
    expect(rowFromArray(['a', null, 'main', 0, 'done', [], 0, 0, 0, 0, 0, 0, 0, [], [], null, null, 0, 0, ''], OLD_COLUMNS, 'entries[4]')).toBe('entries[4].status: expected one of "rendered", "failed", found "done"');
    expect(rowFromArray(['a'], OLD_COLUMNS, 'entries[0]')).toBe(`entries[0]: expected a list of ${OLD_COLUMNS.length} values`);
  });

  it('sets aside, whole, a file that is not a viewer index (another version, a missing column, no prefix)', async () => {
    for (const data of [{ version: 2, columns: COLUMNS, runs: [], entries: [] }, { version: 1, columns: OLD_COLUMNS.slice(1), runs: [], entries: [] }, 'HRV = {}']) {
      const r = await read(data);
      expect(r.index).toBeNull();
      expect(r.warnings[0]).toMatch(/could not be read back as a viewer index \((it is not version 1|columns: name missing|it does not start with)/);
      expect(r.files.filter((f) => f === 'viewer-index.js')).toEqual([]);
      for (const f of r.files) expect(await readFile(join(tmp.dir, f), 'utf8')).toBe(typeof data === 'string' ? data : indexText(data));
      for (const f of r.files) await unlink(join(tmp.dir, f));
    }
  });
});
