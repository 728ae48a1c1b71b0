// eval.py's reading of a raw response, case by case as its regex, int()/float() and unpacking behave.
import { describe, expect, it } from 'vitest';
import { evalPyBoxes } from '../../src/eval/evalpy-boxes.js';

describe('evalPyBoxes', () => {
  it('reads every list of four numbers in text order, ints and floats as Python reads them', () => {
    const raw = '<think>at [10, 20, 30, 40]</think><answer>[{"bbox_2d": [1.5, 2, 3., .5]}]</answer>';
    const r = evalPyBoxes(raw);
    expect(r.boxes).toEqual([[10, 20, 30, 40], [1.5, 2, 3, 0.5]]);
    expect(r.offsets).toEqual([raw.indexOf('[10'), raw.indexOf('[1.5')]);
    expect(r.failure).toBeNull();
  });

  it('takes lists without spaces and the inner lists of a nested one, not those with two spaces or a sign', () => {
    expect(evalPyBoxes('[1,2,3,4]').boxes).toEqual([[1, 2, 3, 4]]);
    expect(evalPyBoxes('[[1, 2, 3, 4], [5, 6, 7, 8]]').boxes).toEqual([[1, 2, 3, 4], [5, 6, 7, 8]]);
    expect(evalPyBoxes('[1,  2, 3, 4] and [-1, 2, 3, 4] and [1 ,2, 3, 4]')).toEqual({ boxes: [], offsets: [], failure: null });
    expect(evalPyBoxes('None').boxes).toEqual([]);
  });

  it('stores no box at all when one list is not four numbers or one number is not Python-readable', () => {
    const short = evalPyBoxes('<think>Person 2 and Person 3 are [2, 3]</think><answer>[{"bbox_2d": [1, 2, 3, 4]}]</answer>');
    expect(short.boxes).toEqual([]);
    expect(short.failure).toBe('eval.py reads the list [2, 3] (2 numbers, not 4) and then stores no box');
    const dots = evalPyBoxes('[1, 2, 3, 4] [1.2.3, 4, 5, 6]');
    expect(dots.boxes).toEqual([]);
    expect(dots.failure).toBe('eval.py cannot read the number "1.2.3" in [1.2.3, 4, 5, 6]');
    // a lone dot is a list eval.py matches and float('.') raises on
    expect(evalPyBoxes('[.]').failure).toBe('eval.py cannot read the number "." in [.]');
  });

  it('reads the number before the failing list first, as eval.py converts all lists before unpacking', () => {
    // [1, 2] would fail unpacking, but [7.7.7] fails earlier, while the lists are converted
    expect(evalPyBoxes('[1, 2] [7.7.7]').failure).toBe('eval.py cannot read the number "7.7.7" in [7.7.7]');
  });
});
