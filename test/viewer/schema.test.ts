// The validator data read back from files passes through: the first thing wrong, named by its path.
import { describe, expect, it } from 'vitest';
import { arrayOf, finite, int, nullable, object, oneOf, record, str } from '../../src/viewer/schema.js';

describe('schema checks', () => {
  it('accept what fits, and say what was expected and what was found otherwise', () => {
    expect(str({ max: 3 }).check('abc', 'x')).toBeNull();
    expect(str({ max: 3 }).check('abcd', 'x')).toBe('x: expected a string, found "abcd"');
    expect(str({ pattern: /^[a-z]+$/, what: 'a plain name' }).check('A', 'n')).toBe('n: expected a plain name, found "A"');
    expect(str({ max: 10 }).check('y'.repeat(41), 's')).toBe('s: expected a string, found a string of 41 characters');
    expect(int(1).check(0, 'i')).toBe('i: expected a whole number >= 1, found 0');
    expect(int().check(2 ** 53, 'i')).toMatch(/^i: expected a whole number >= 0/);
    expect([finite.check(1.5, 'f'), finite.check(Infinity, 'f')]).toEqual([null, 'f: expected a number, found Infinity']);
    expect(oneOf('a', 1).check('b', 'o')).toBe('o: expected one of "a", 1, found "b"');
    expect([nullable(int()).check(null, 'n'), nullable(int()).check('1', 'n')]).toEqual([null, 'n: expected a whole number >= 0, found "1"']);
    expect([record.check({}, 'r'), record.check([], 'r'), record.check(null, 'r')]).toEqual([null, 'r: expected an object, found a list', 'r: expected an object, found null']);
  });

  it('name the first wrong item of a list and the first wrong or missing field of an object by path', () => {
    const entry = object({ name: str(), tags: arrayOf(str()) });
    const entries = arrayOf(entry);
    expect(entries.check([{ name: 'a', tags: [], extra: 1 }], 'entries')).toBeNull();
    expect(entries.check([{ name: 'a', tags: [] }, { name: 'b', tags: ['x', 7] }], 'entries')).toBe('entries[1].tags[1]: expected a string, found 7');
    expect(entries.check([{ tags: [] }], 'entries')).toBe('entries[0].name: missing');
    expect(entries.check({}, 'entries')).toBe('entries: expected a list, found an object');
  });

  it("does not take a field from the object's prototype as present", () => {
    expect(object({ toString: str() }).check({}, 'o')).toBe('o.toString: missing');
  });
});
