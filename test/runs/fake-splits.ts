// A run's splits as fakes for validate and stats: one main split of five samples (fine, broken, a box past the border,
// inconsistent, a rejection), the stdout and stderr it writes, and the deps that open it.
import { DataError } from '../../src/errors.js';
import type { SplitPaths } from '../../src/types.js';
import { fakeHeader, fakeParseCot, fakeSource, type FakeSampleSpec } from '../fakes.js';

export function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t), isTTY: false } } };
}

export const specs: FakeSampleSpec[] = [
  {},
  { broken: true },
  { boxes: [[95, 10, 20, 30]] },
  { think: 'inconsistent' },
  { boxes: [], regionMap: { nobody: [] } },
];

export function deps(s: FakeSampleSpec[], more: SplitPaths[] = []) {
  const sources = new Map([['main', fakeSource('main', s)]]);
  return {
    splits: [sources.get('main')!.paths, ...more],
    openSource: async (paths: SplitPaths) => {
      const source = sources.get(paths.name);
      if (!source) throw new DataError('missing-file', { file: paths.annotationsTsv }, 'no such file', 'Check the path');
      return source;
    },
    parseCot: fakeParseCot,
    readImageHeader: fakeHeader,
  };
}
