// A section's body read into its intro and candidate lines: subjects expanded, `Others` resolved, odd lines warned of.
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/cot/context.js';
import { splitLines } from '../../src/cot/lines.js';
import { parseSectionBody } from '../../src/cot/section-lines.js';

function body(think: string, candidates: number) {
  const lines = splitLines(think);
  const ctx = createContext(candidates);
  const out = parseSectionBody({ think, lines, from: 0, to: lines.length, introStart: 0, sectionEnd: think.length, where: 'Step 1' }, ctx);
  return { ...out, warnings: ctx.warnings() };
}

describe('parseSectionBody', () => {
  it('takes the text before the first candidate line as the intro, and reads each line after it', () => {
    const r = body('I look at each one.\nThey stand.\n\n- Person 1: left → ❌\n- Person 2, 4: holding hands → ✅', 4);
    expect(r.intro).toBe('I look at each one.\nThey stand.');
    expect(r.lines.map((l) => [l.subjectKind, l.subjects, l.mark, l.text])).toEqual([
      ['single', [1], '❌', 'Person 1: left'],
      ['list', [2, 4], '✅', 'Person 2, 4: holding hands'],
    ]);
    expect(r.subjectNouns).toEqual(['Person', 'Person']);
    expect(r.warnings).toEqual([]);
  });

  it('expands a range within the candidates and gives Others every candidate not named', () => {
    const r = body('- Person 2-3: far → ❌\n- Others: near → ✅', 5);
    expect(r.lines.map((l) => l.subjects)).toEqual([[2, 3], [1, 4, 5]]);
    expect(r.lines[1].subjectKind).toBe('others');
  });

  it('drops out-of-range persons, and warns of a mark that names nobody and of a wrong "remaining" count', () => {
    const r = body('- Person 1-9: all → ❌\n- looks fine → ✅\n- the remaining 3 → ❌', 2);
    expect(r.lines[0].subjects).toEqual([1, 2]);
    expect(r.warnings).toEqual([
      'Step 1: Person 9 is out of range (2 candidates)',
      'Step 1: line "looks fine" carries ✅ but names no candidate',
      'Step 1: line "the remaining 3" speaks of 3 remaining but 0 are not named',
    ]);
  });

  it('is all intro when no line names a candidate', () => {
    const r = body('Just prose.\nMore prose.', 2);
    expect([r.intro, r.lines]).toEqual(['Just prose.\nMore prose.', []]);
  });
});
