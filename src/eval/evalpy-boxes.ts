// The boxes Rex-Thinker's evaluation/eval.py reads from a raw response: every bracketed list of plain numbers
// anywhere in the text (reasoning included), each number an int or, with a dot, a float; one list that is not
// four numbers, or one number Python cannot read, and eval.py stores no box at all.

/** eval.py's pattern: `[`, numbers of digits and dots separated by `,` and at most one space, `]`. */
const EVAL_PY_LIST = /\[([0-9.]+(?:, ?[0-9.]+)*)\]/g;

export interface EvalPyExtraction {
  /** [x0, y0, x1, y1] in the model's input pixels, in text order; [] when eval.py would store no box. */
  boxes: number[][];
  /** Where each box was written (offset of its `[` in the response). */
  offsets: number[];
  /** Why eval.py's parse raised (so it stored `[]`) although the response holds lists, else null. */
  failure: string | null;
}

/** Python's int(s) / float(s) on a run of digits and dots (surrounding spaces allowed); NaN where Python raises. */
function pythonNumber(text: string): number {
  const s = text.trim();
  if (s.includes('.')) return /^(?:\d+\.\d*|\.\d+)$/.test(s) ? Number(s) : Number.NaN;
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

export function evalPyBoxes(response: string): EvalPyExtraction {
  const boxes: number[][] = [];
  const offsets: number[] = [];
  for (const m of response.matchAll(EVAL_PY_LIST)) {
    const numbers = m[1].split(',').map(pythonNumber);
    const bad = m[1].split(',').find((_, i) => Number.isNaN(numbers[i]));
    if (bad !== undefined) return { boxes: [], offsets: [], failure: `eval.py cannot read the number "${bad.trim()}" in ${m[0]}` };
    boxes.push(numbers);
    offsets.push(m.index);
  }
  // eval.py unpacks every list into x0, y0, x1, y1 after reading them all.
  const short = boxes.findIndex((b) => b.length !== 4);
  if (short >= 0) return { boxes: [], offsets: [], failure: `eval.py reads the list [${boxes[short].join(', ')}] (${boxes[short].length} number${boxes[short].length === 1 ? '' : 's'}, not 4) and then stores no box` };
  return { boxes, offsets, failure: null };
}
