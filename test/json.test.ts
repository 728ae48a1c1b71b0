import { describe, expect, it } from 'vitest';
import { toJson } from '../src/json.js';

describe('toJson', () => {
  it('writes what JSON.stringify writes for ordinary values, one line or indented', () => {
    const values = [{ a: [1, 2, { b: 'x' }], c: null, d: undefined, e: [undefined, () => 1] }, [], {}, 's', 1.5, [[[]]], { x: {} }, { toJSON: () => 5 }, 'é 😀 \u0000\n'];
    for (const v of values) {
      expect(toJson(v)).toBe(JSON.stringify(v));
      expect(toJson(v, 2)).toBe(JSON.stringify(v, null, 2));
    }
  });

  it('survives nesting far past the stack (JSON.stringify throws RangeError)', () => {
    const depth = 200_000;
    const value = JSON.parse('['.repeat(depth) + ']'.repeat(depth));
    expect(() => JSON.stringify(value)).toThrow(RangeError);
    expect(toJson(value)).toBe('['.repeat(depth) + ']'.repeat(depth));
    // Indented, it still holds every level (walked without recursion).
    let levels = 0;
    for (let v: unknown = JSON.parse(toJson(value, 2)); Array.isArray(v); v = v[0]) levels++;
    expect(levels).toBe(depth);
  });

  it('keeps infinities as 1e999 and escapes C1, separators and bidi controls', () => {
    expect(toJson({ x: Infinity, y: -Infinity, z: NaN })).toBe('{"x":1e999,"y":-1e999,"z":null}');
    expect(JSON.parse(toJson([Infinity]))).toEqual([Infinity]);
    const text = 'a\u0085b\u009bc\u202ed\u2066e\u2028f\u200fg';
    expect(toJson(text)).toBe('"a\\u0085b\\u009bc\\u202ed\\u2066e\\u2028f\\u200fg"');
    expect(JSON.parse(toJson(text))).toBe(text);
  });
});
