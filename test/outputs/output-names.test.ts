// The one place output names are made: visualize's per split (and the refusal of two splits that would write the same
// files), eval's per sample id and model.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { checkDistinctModelNames, checkDistinctOutputNames, evalPictureName, evalPictureStem, outputFileName, outputStem, SampleStems } from '../../src/outputs/output-names.js';
import { SAFE_NAME } from '../../src/viewer/writer.js';

describe('eval picture names', () => {
  it('are the sample id and the model, made safe for any file system and for the viewer', () => {
    const stems = new SampleStems();
    const ids = ['attr-003', 'a b', '../../etc/passwd', '', 'x'.repeat(300), 7, 'ü/ñ'];
    const names = ids.map((id) => evalPictureStem(stems.next(id), 'my model/v2'));
    expect(names.slice(0, 4)).toEqual(['eval_attr-003_my_model_v2', 'eval_a_b_my_model_v2', 'eval_.._.._etc_passwd_my_model_v2', 'eval___my_model_v2']);
    for (const name of names) expect(name).toMatch(SAFE_NAME);
    expect(evalPictureName('attr-003', 'A', 'jpeg')).toBe('eval_attr-003_A.jpg');
  });

  it('stay unique without regard to case: a repeated or clashing id gets -2, -3 ... in ground-truth order', () => {
    const stems = new SampleStems();
    expect(['a', 'a', 'A', 'a-2', 'a b', 'a_b'].map((id) => stems.next(id))).toEqual(['a', 'a-2', 'A-3', 'a-2-2', 'a_b', 'a_b-2']);
  });

  it('refuse models whose pictures would share names, and keep model and model.ft apart', () => {
    expect(() => checkDistinctModelNames(['model', 'model.ft', 'my model v2'])).not.toThrow();
    expect(() => checkDistinctModelNames(['my model', 'my_model'])).toThrow(/"my model" and "my_model" would share the picture names/);
    expect(() => checkDistinctModelNames(['A', 'a'])).toThrow(/share the picture names/);
    expect(() => checkDistinctModelNames(['c', 'b_c'])).toThrow(/"b_c" and "c" would give two pictures one name \(eval_x_b_c\.png/);
  });
});

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
