// A million responses' digests repeat a few values: most name Person 1..n, mark each of them and miss the same
// parts. Equal values are shared, frozen, so a held digest costs its own fields (~150 bytes) instead of ~800
// bytes of arrays and objects; eval over a million lines with two models needs that room in the heap.
import type { ResponseDigest } from './reasoning.js';

/** Distinct values kept per kind; past it a value is held as it is (text no model writes cannot grow the pool). */
const MAX_SHARED = 4096;

function pool<T>(): (key: string, value: T) => T {
  const shared = new Map<string, T>();
  return (key, value) => {
    const known = shared.get(key);
    if (known !== undefined) return known;
    if (shared.size < MAX_SHARED) shared.set(key, Object.freeze(value));
    return value;
  };
}

const numbers = pool<number[]>();
const nouns = pool<string>();
const missings = pool<ResponseDigest['missing']>();

const shareNumbers = (list: number[]) => numbers(list.join(','), list);

/** The same digest, its lists, noun and missing parts shared with every equal one before it. */
export function sharedDigest(d: ResponseDigest): ResponseDigest {
  const m = d.missing;
  return {
    ...d,
    chosen: shareNumbers(d.chosen),
    marked: shareNumbers(d.marked),
    named: shareNumbers(d.named),
    noun: nouns(d.noun, d.noun),
    missing: missings(`${+m.planning}${+m.steps}${+m.summary}${+m.thinkTag}${+m.answerTag}`, m),
    listsOutsideAnswer: shareNumbers(d.listsOutsideAnswer),
  };
}
