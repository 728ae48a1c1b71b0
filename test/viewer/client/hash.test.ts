// The grid's filters in the URL hash: read back as written, with nonsense values dropped, not obeyed.
import { describe, expect, it } from 'vitest';
import { defaultState, hashOf, isSampleHash, num, rangeOf, stateFromHash } from '../../../src/viewer/client/hash.js';

describe('the filter hash', () => {
  it('writes only what differs from the defaults, commas left readable, and reads the same state back', () => {
    const state = { ...defaultState(), q: 'red shirt', only: ['inconsistent', 'warned'], split: 'main', sort: 'candidates', min: 2, max: 9, ok: [1, 3] as [number, number], len: [1000, 1999] as [number, number] };
    const hash = hashOf(state);
    expect(hash).toBe('q=red+shirt&only=inconsistent,warned&split=main&sort=candidates&min=2&max=9&ok=1-3&len=1000-1999');
    expect(stateFromHash(`#${hash}`)).toEqual(state);
    expect(hashOf(defaultState())).toBe('');
  });

  it('reads kinds trimmed and lowercased, and ignores numbers and ranges it cannot read', () => {
    const s = stateFromHash('#only= Inconsistent,,WARNED&min=two&max=&ok=3-1&no=2&warn=x-4');
    expect([s.only, s.min, s.max, s.ok, s.no, s.warn]).toEqual([['inconsistent', 'warned'], null, null, null, [2, 2], null]);
  });

  it('tells a sample hash (its name) from a filter hash', () => {
    expect([isSampleHash('#main_000042'), isSampleHash('#q=x'), isSampleHash('#'), isSampleHash('')]).toEqual([true, false, false, false]);
  });

  it('reads a number or a range from a control, null for blanks and words', () => {
    expect([num('3'), num(' '), num(null), num('1e3'), num('abc')]).toEqual([3, null, null, 1000, null]);
    expect([rangeOf('7'), rangeOf(' 2-5 '), rangeOf('5-2'), rangeOf('-1'), rangeOf(null)]).toEqual([[7, 7], [2, 5], null, null, null]);
  });
});
