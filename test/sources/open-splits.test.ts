// Resolving and opening a command's splits: names that would collide refused first, nothing left open when one fails.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, UsageError } from '../../src/errors.js';
import { closeAll, locateSplits, openAll } from '../../src/sources/open-splits.js';
import type { SampleSource } from '../../src/plumbing/seams.js';
import { FIXTURES, tempDirForFile } from '../cli.js';

const SAMPLE = join(FIXTURES, 'sample');
const tmp = tempDirForFile('open-splits');
function stderr(): { lines: string[]; write(text: string): void } {
  const lines: string[] = [];
  return { lines, write: (text) => lines.push(text) };
}

describe('locateSplits', () => {
  it('gives both splits of a data folder, saying nothing when the user named it', () => {
    const err = stderr();
    expect(locateSplits({ dataDir: SAMPLE }, err).map((s) => s.name)).toEqual(['main', 'rejection']);
    expect(err.lines).toEqual([]);
  });

  it('refuses a folder whose two splits would write the same file names, before opening them', async () => {
    for (const stem of ['a b', 'a_b']) for (const kind of ['annotations', 'images']) await writeFile(join(tmp.dir, `${stem}.${kind}.tsv`), '');
    expect(() => locateSplits({ dataDir: tmp.dir }, stderr())).toThrow(UsageError);
    expect(() => locateSplits({ dataDir: tmp.dir }, stderr())).toThrow(/would both be written as a_b_<index>\.png/);
  });
});

describe('openAll', () => {
  it('opens every split; one that cannot be opened fails the call with its DataError', async () => {
    const [main] = locateSplits({ dataDir: SAMPLE, split: 'main' }, stderr());
    const missing = { ...main, name: 'gone', annotationsTsv: join(SAMPLE, 'gone.annotations.tsv'), annotationsLineidx: null };
    const opened = await openAll([main], () => {});
    expect(opened.map((s) => s.length)).toEqual([16]);
    await closeAll(opened);
    await expect(openAll([main, missing], () => {})).rejects.toThrow(DataError);
  });

  it('closeAll closes every source even when one fails to close', async () => {
    const closed: string[] = [];
    const source = (name: string, fail: boolean) => ({ close: async () => { closed.push(name); if (fail) throw new Error('busy'); } }) as unknown as SampleSource;
    await closeAll([source('a', true), source('b', false)]);
    expect(closed).toEqual(['a', 'b']);
  });
});
