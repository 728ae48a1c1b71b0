// A click on a summary bar: its filter on, or off again when it was the one on.
import { describe, expect, it } from 'vitest';
import { defaultState } from '../../../src/viewer/client/hash.js';
import { afterClick } from '../../../src/viewer/client/summary-panel.js';
import { CHARTS } from '../../../src/viewer/client/summary.js';

const chart = (id: string) => CHARTS.find((c) => c.id === id)!;

describe('afterClick', () => {
  it('sets a range bar and takes it off on a second click', () => {
    const on = afterClick(chart('ok'), [1, 2], defaultState());
    expect(on.ok).toEqual([1, 2]);
    expect(afterClick(chart('ok'), [1, 2], on).ok).toBeNull();
    expect(afterClick(chart('ok'), [3, 3], on).ok).toEqual([3, 3]);
  });

  it('filters a candidates bar by min and max, keeping the other kinds chosen', () => {
    const s = afterClick(chart('candidates'), [5, 9], { ...defaultState(), only: ['rejection'] });
    expect([s.min, s.max, s.only]).toEqual([5, 9, ['rejection']]);
    const off = afterClick(chart('candidates'), [5, 9], s);
    expect([off.min, off.max]).toEqual([null, null]);
  });

  it('a kind chart bar also filters to its kind alone, and its second click takes both off', () => {
    const s = afterClick(chart('inconsistent'), [3, 3], { ...defaultState(), only: ['warned', 'rejection'] });
    expect([s.min, s.max, s.only]).toEqual([3, 3, ['inconsistent']]);
    // The same bar of the plain candidates chart is a different filter: not "on" while the kind is chosen.
    expect(afterClick(chart('candidates'), [3, 3], s).min).toBe(3);
    const off = afterClick(chart('inconsistent'), [3, 3], s);
    expect([off.min, off.max, off.only]).toEqual([null, null, []]);
  });
});
