// Splitting text into font runs (emoji, text, glyphs no font has). Pure layout, no fonts needed.
import { describe, expect, it } from 'vitest';
import { splitRuns } from '../../src/render/text-runs.js';

describe('splitRuns', () => {
  it('puts each emoji in its own run and normalises bare ⚠ to ⚠️', () => {
    expect(splitRuns('Person 1 → ✅, Person 2 ⚠ and ⚠️ ❌')).toEqual([
      { kind: 'text', text: 'Person 1 → ' },
      { kind: 'emoji', text: '✅' },
      { kind: 'text', text: ', Person 2 ' },
      { kind: 'emoji', text: '⚠️' },
      { kind: 'text', text: ' and ' },
      { kind: 'emoji', text: '⚠️' },
      { kind: 'text', text: ' ' },
      { kind: 'emoji', text: '❌' },
    ]);
  });
  it('keeps text-style symbols (→ ≤ ✓ ©) as text and ZWJ sequences whole', () => {
    expect(splitRuns('a → b ≤ c ✓ ©')).toEqual([{ kind: 'text', text: 'a → b ≤ c ✓ ©' }]);
    expect(splitRuns('👩‍👧 x')).toEqual([{ kind: 'emoji', text: '👩‍👧' }, { kind: 'text', text: ' x' }]);
  });
  it('marks CJK characters as missing glyphs, one per run', () => {
    expect(splitRuns('牵手 ok')).toEqual([
      { kind: 'missing', text: '牵' },
      { kind: 'missing', text: '手' },
      { kind: 'text', text: ' ok' },
    ]);
  });
});
