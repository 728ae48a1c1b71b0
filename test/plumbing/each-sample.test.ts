// The open / read-all / close loop of validate and stats: every sample visited, an unopenable split reported and
// skipped, each split closed, an interrupt obeyed.
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { forEachSample, type EachSampleOptions } from '../../src/plumbing/each-sample.js';
import type { SplitPaths } from '../../src/types.js';
import { fakeSource } from '../fakes.js';

const paths = (name: string): SplitPaths => ({ name, imagesTsv: `/d/${name}.images.tsv`, annotationsTsv: `/d/${name}.annotations.tsv`, annotationsLineidx: null });
const io = (signal?: AbortSignal) => ({ stdout: { write: () => true }, stderr: { write: () => true, isTTY: false }, signal });

function loop(sizes: Record<string, number | 'missing'>, extra: Partial<EachSampleOptions> = {}) {
  const seen: string[] = [];
  const sources = new Map<string, ReturnType<typeof fakeSource>>();
  const options: EachSampleOptions = {
    splits: Object.keys(sizes).map(paths),
    concurrency: 2,
    quiet: true,
    verb: 'reading',
    openSource: async (p) => {
      const size = sizes[p.name];
      if (size === 'missing') throw new DataError('missing-file', { file: p.annotationsTsv }, 'the file does not exist', 'Check the path');
      const source = fakeSource(p.name, Array.from({ length: size }, () => ({})));
      sources.set(p.name, source);
      return source;
    },
    onUnopenable: (p, error) => seen.push(`unopenable ${p.name}: ${error.code}`),
    visit: (source) => ({
      sample: async (index) => (seen.push(`${source.paths.name}:${index}`), true),
      end: () => seen.push(`end ${source.paths.name}`),
    }),
    ...extra,
  };
  return { options, seen, sources };
}

describe('forEachSample', () => {
  it('visits every sample of each split, reports a split it cannot open and goes on, and closes each split', async () => {
    const { options, seen, sources } = loop({ a: 2, gone: 'missing', b: 1 });
    await forEachSample(options, io());
    expect(seen.sort()).toEqual(['a:0', 'a:1', 'b:0', 'end a', 'end b', 'unopenable gone: missing-file'].sort());
    expect([...sources.values()].map((s) => s.closed)).toEqual([true, true]);
  });

  it('lets an error that is not a DataError through', async () => {
    const { options } = loop({ a: 1 }, { openSource: async () => Promise.reject(new TypeError('bug')) });
    await expect(forEachSample(options, io())).rejects.toThrow(TypeError);
  });

  it('opens no further split once interrupted, and closes the one it was reading', async () => {
    const controller = new AbortController();
    const { options, seen, sources } = loop({ a: 3, b: 3 }, {
      concurrency: 1,
      visit: (source) => ({ sample: async (index) => (seen.push(`${source.paths.name}:${index}`), controller.abort('SIGINT'), true) }),
    });
    await forEachSample(options, io(controller.signal));
    expect(seen).toEqual(['a:0']);
    expect([...sources.keys()]).toEqual(['a']);
    expect(sources.get('a')!.closed).toBe(true);
  });
});
