// The per-sample file names a run writes, and the refusal of two splits that would write the same ones.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { checkDistinctOutputNames, outputFileName, outputStem } from '../../src/outputs/output-names.js';

const split = (name: string) => ({ name, imagesTsv: `/d/${name}.images.tsv`, annotationsTsv: `/d/${name}.annotations.tsv`, annotationsLineidx: null });

describe('output file names', () => {
  it('keep letters, digits, dot, dash and underscore of the split name; anything else becomes _', () => {
    expect(outputStem('main')).toBe('main');
    expect(outputStem('a b/../c:é')).toBe('a_b_.._c__');
    expect(outputStem('')).toBe('split');
  });

  it('are <split>_<6-digit index>.<extension of the format>', () => {
    expect(outputFileName('main', 7, 'png')).toBe('main_000007.png');
    expect(outputFileName('my set', 1234567, 'jpeg')).toBe('my_set_1234567.jpg');
    expect(outputFileName('rejection', 0, 'webp')).toBe('rejection_000000.webp');
  });
});

describe('checkDistinctOutputNames', () => {
  it('accepts splits whose stems differ', () => {
    expect(() => checkDistinctOutputNames([split('main'), split('rejection'), split('a-b')])).not.toThrow();
  });

  it.each([
    ['a b', 'a_b'],
    ['Set', 'set'],
  ])('refuses %j beside %j, naming both annotation files and both split names', (a, b) => {
    let error: unknown;
    try {
      checkDistinctOutputNames([split('main'), split(a), split(b)]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      `/d/${a}.annotations.tsv and /d/${b}.annotations.tsv would both be written as ${outputStem(b)}_<index>.png (split names "${a}" and "${b}"); rename one of them, or pick one with --split or --ann-tsv`,
    );
  });
});
