/// <reference lib="dom" />
// The grid's controls (search, kinds, split, candidate range, sort) <-> the filter state.
import { byId, el } from './dom.js';
import type { Filters } from './filters.js';
import { num } from './hash.js';
import type { Entry, State } from './types.js';

const SORT_LABELS: Record<string, string> = {
  index: 'by index',
  candidates: 'most candidates first',
  warnings: 'most warnings first',
  score: 'highest score first',
  'score-asc': 'lowest score first',
};
/** Sorts offered only when some entry has a score. */
const SCORE_SORTS = ['score', 'score-asc'];

function option(into: HTMLSelectElement, value: string, text: string): void {
  const o = el('option', undefined, text);
  o.value = value;
  into.append(o);
}

export class Controls {
  readonly q = byId<HTMLInputElement>('q');
  private readonly split = byId<HTMLSelectElement>('split');
  private readonly sort = byId<HTMLSelectElement>('sort');
  private readonly min = byId<HTMLInputElement>('min');
  private readonly max = byId<HTMLInputElement>('max');
  private readonly kindBox = byId('kinds');
  private readonly kindInputs = new Map<string, HTMLInputElement>();
  private readonly kindCounts = new Map<string, Text>();
  private readonly splits: string[];
  private readonly hasScore: boolean;

  constructor(entries: Entry[], private readonly f: Filters) {
    this.splits = [...new Set(entries.map((e) => e.split))].sort();
    option(this.split, '', 'all splits');
    for (const s of this.splits) option(this.split, s, s);
    for (const k of f.allKinds) this.addKind(k, f.kindCounts.get(k) ?? 0);
    this.hasScore = entries.some((e) => e.score !== null);
    for (const s of ['index', 'candidates', 'warnings', ...(this.hasScore ? SCORE_SORTS : [])]) option(this.sort, s, SORT_LABELS[s]);
  }

  private addKind(k: string, n: number): void {
    const label = el('label', 'kind');
    const box = el('input');
    box.type = 'checkbox';
    box.value = k;
    box.dataset.kind = k;
    this.kindInputs.set(k, box);
    const count = document.createTextNode(` ${k} (${n})`);
    this.kindCounts.set(k, count);
    label.append(box, count);
    this.kindBox.append(label);
  }

  /** Shows `n` as the number of samples of kind `k` (the review's kinds change while the page is open). */
  setKindCount(k: string, n: number): void {
    const count = this.kindCounts.get(k);
    if (count) count.textContent = ` ${k} (${n})`;
  }

  /** Calls `changed` after the user changes a control (typing is debounced). */
  onChange(changed: () => void): void {
    let typing: number | undefined;
    this.q.addEventListener('input', () => {
      clearTimeout(typing);
      typing = window.setTimeout(changed, 80);
    });
    for (const c of [this.split, this.sort, this.min, this.max, this.kindBox]) c.addEventListener('change', changed);
  }

  write(state: State): void {
    this.q.value = state.q;
    this.split.value = this.splits.includes(state.split) ? state.split : '';
    this.sort.value = this.f.sorts[state.sort] && (!SCORE_SORTS.includes(state.sort) || this.hasScore) ? state.sort : 'index';
    this.min.value = state.min === null ? '' : String(state.min);
    this.max.value = state.max === null ? '' : String(state.max);
    for (const [k, box] of this.kindInputs) box.checked = state.only.includes(k);
  }

  /** The state the controls show; the summary's bar ranges (no control of their own) come from `prev`. */
  read(prev: State): State {
    return {
      ...prev,
      q: this.q.value,
      only: this.f.allKinds.filter((k) => this.kindInputs.get(k)!.checked),
      split: this.split.value,
      sort: this.sort.value,
      min: num(this.min.value),
      max: num(this.max.value),
    };
  }
}
