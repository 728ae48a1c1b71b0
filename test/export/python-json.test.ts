import { describe, expect, it } from 'vitest';
import { pythonJsonDumps } from '../../src/export/python-json.js';

// Expected texts are what Python's json.dumps prints with its defaults (", " and ": ", ensure_ascii=True).
describe('pythonJsonDumps', () => {
  it('spaces lists and objects as Python does', () => {
    expect(pythonJsonDumps({ person: [[1, 2, 3, 4], [5, 6, 7, 8]] })).toBe('{"person": [[1, 2, 3, 4], [5, 6, 7, 8]]}');
    expect(pythonJsonDumps([{ bbox_2d: [0, 45, 240, 450], label: 'a' }])).toBe('[{"bbox_2d": [0, 45, 240, 450], "label": "a"}]');
    expect(pythonJsonDumps([])).toBe('[]');
    expect(pythonJsonDumps({ person: [] })).toBe('{"person": []}');
  });

  it('escapes every character outside printable ASCII, DEL and astral ones included (as surrogate pairs)', () => {
    expect(pythonJsonDumps('the “red” coat')).toBe('"the \\u201cred\\u201d coat"');
    expect(pythonJsonDumps('café ✅')).toBe('"caf\\u00e9 \\u2705"');
    expect(pythonJsonDumps('\u007f')).toBe('"\\u007f"');
    expect(pythonJsonDumps('😀')).toBe('"\\ud83d\\ude00"');
    expect(pythonJsonDumps('a "q" \\ \n\t\u0001')).toBe('"a \\"q\\" \\\\ \\n\\t\\u0001"');
  });

  it('refuses a float, which Python would print its own way', () => {
    expect(() => pythonJsonDumps([1.5])).toThrow(RangeError);
  });
});
