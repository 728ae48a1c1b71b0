import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/cot/context.js';
import { computeVerdicts, targetsOfVerdicts } from '../../src/cot/verdicts.js';
import type { CotLine, CotStep, CotSummary, Mark } from '../../src/types.js';

const line = (subjects: number[], mark: Mark | null, subjectKind: CotLine['subjectKind'] = 'single'): CotLine => ({
  start: 0,
  end: 0,
  subjects,
  subjectKind: subjects.length === 0 ? 'none' : subjectKind,
  mark,
  text: '',
});
const step = (lines: CotLine[]): CotStep => ({ start: 0, end: 0, number: 1, title: '', intro: '', lines });
const summary = (lines: CotLine[]): CotSummary => ({ start: 0, end: 0, header: '#', intro: '', lines });

describe('computeVerdicts', () => {
  it('takes the summary mark first, else the last step mark, else null', () => {
    const ctx = createContext(4);
    const steps = [step([line([1], '⚠️'), line([2], '❌'), line([3], '⚠️')]), step([line([1], '✅'), line([3], null)])];
    expect(computeVerdicts(steps, summary([line([2], '✅'), line([3], null)]), ctx)).toEqual(['✅', '✅', '⚠️', null]);
    expect(ctx.warnings()).toEqual([]);
  });

  it('ignores marks of lines that name nobody', () => {
    const ctx = createContext(1);
    expect(computeVerdicts([step([line([], '✅')])], summary([line([], '✅')]), ctx)).toEqual([null]);
  });

  it('warns about two different summary marks; the more specific line wins, ties go to the later line', () => {
    const ctx = createContext(3);
    const lines = [line([1, 2, 3], '❌', 'range'), line([2], '✅'), line([3], '✅'), line([3], '⚠️')];
    expect(computeVerdicts([], summary(lines), ctx)).toEqual(['❌', '✅', '⚠️']);
    expect(ctx.warnings()).toEqual(['summary: Person 2 is marked both ❌ and ✅', 'summary: Person 3 is marked both ❌ and ✅']);
  });

  it('targetsOfVerdicts lists the ✅ persons, 1-based', () => {
    expect(targetsOfVerdicts(['❌', '✅', null, '⚠️', '✅'])).toEqual([2, 5]);
  });
});
