import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readEarlierFile } from '../../src/outputs/earlier-file.js';
import { tempDirForEachTest } from '../cli.js';

const tmp = tempDirForEachTest('earlier-file');

const spec = (dir: string) => ({
  dir,
  name: 'log.json',
  parse: (text: string) => {
    const value = JSON.parse(text) as { runs?: unknown };
    if (!Array.isArray(value.runs)) throw new Error('no runs');
    return value.runs as unknown[];
  },
  empty: [] as unknown[],
  asideName: (stamp: string) => `log.unreadable-${stamp}.json`,
  warning: (file: string, reason: string, aside: string) => `${file}: ${reason}; kept as ${aside}`,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('readEarlierFile', () => {
  it('gives the parsed content, or the empty value when there is no file', async () => {
    const warnings: string[] = [];
    expect(await readEarlierFile(spec(tmp.dir), (w) => warnings.push(w))).toEqual([]);
    await writeFile(join(tmp.dir, 'log.json'), '{"runs":[1,2]}');
    expect(await readEarlierFile(spec(tmp.dir), (w) => warnings.push(w))).toEqual([1, 2]);
    expect(warnings).toEqual([]);
  });

  it('sets a foreign file aside under a free name, never over an existing one', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1234);
    await writeFile(join(tmp.dir, 'log.json'), 'not ours');
    await writeFile(join(tmp.dir, 'log.unreadable-1234.json'), 'an earlier set-aside file');
    const warnings: string[] = [];
    expect(await readEarlierFile(spec(tmp.dir), (w) => warnings.push(w))).toEqual([]);
    expect(await readFile(join(tmp.dir, 'log.unreadable-1234.json'), 'utf8')).toBe('an earlier set-aside file');
    expect(await readFile(join(tmp.dir, 'log.unreadable-1234-2.json'), 'utf8')).toBe('not ours');
    expect((await readdir(tmp.dir)).sort()).toEqual(['log.unreadable-1234-2.json', 'log.unreadable-1234.json']);
    expect(warnings).toEqual([expect.stringMatching(/log\.json: .*; kept as .*log\.unreadable-1234-2\.json$/)]);
  });
});
