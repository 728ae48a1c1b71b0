// The one place output names are made: visualize's per split, eval's per sample id and model.
import { describe, expect, it } from 'vitest';
import { checkDistinctModelNames, evalPictureName, evalPictureStem, SampleStems } from '../../src/outputs/output-names.js';
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
