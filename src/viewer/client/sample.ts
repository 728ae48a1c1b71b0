/// <reference lib="dom" />
// The sample view's frame: the bar (grid, previous, next, static picture), the facts, and the details loaded on
// demand from viewer-data/<name>.js.
import { renderDetail } from './detail.js';
import { loadDetail } from './details.js';
import { NO_REASONING_KIND } from '../types.js';
import { badge, consistencyBadge, counts, el } from './dom.js';
import type { ReviewStore } from './review-store.js';
import { fillReviewBadge } from './review-ui.js';
import type { Entry } from './types.js';

export interface SampleContext {
  entries: Entry[];
  byName: Map<string, number>;
  /** Where the view goes; `root` gets `data-loaded="<name>"` once the details are drawn. */
  container: HTMLElement;
  root: HTMLElement;
  neighbours(name: string): [string | null, string | null];
  go(name: string | null): void;
  backToGrid(): void;
  review: ReviewStore;
}

function bar(ctx: SampleContext, name: string, e: Entry | undefined): HTMLElement {
  const node = el('div', 'bar');
  const back = el('button', 'back', '← grid (Esc)');
  back.addEventListener('click', ctx.backToGrid);
  node.append(back);
  if (!e) return node;
  const [prev, next] = ctx.neighbours(name);
  const prevB = el('button', 'prev', '‹ previous (k, ←)');
  const nextB = el('button', 'next', 'next (j, →) ›');
  prevB.disabled = !prev;
  nextB.disabled = !next;
  prevB.addEventListener('click', () => ctx.go(prev));
  nextB.addEventListener('click', () => ctx.go(next));
  node.append(prevB, nextB, el('span', 'sid', `${e.split} #${e.index}`));
  if (e.file) {
    const a = el('a', 'png', 'static picture');
    a.href = encodeURIComponent(e.file);
    node.append(a);
  }
  if (e.imageKey) node.append(el('span', 'key', `image key ${e.imageKey}`));
  return node;
}

function facts(e: Entry): HTMLElement {
  const node = el('div', 'counts');
  if (e.status === 'failed') node.append(badge('bad', 'failed'));
  else {
    node.append(el('span', 'count', `${e.candidates} candidates`));
    counts(node, e);
    if (!e.kinds.includes(NO_REASONING_KIND)) node.append(consistencyBadge(e));
    if (e.rejection) node.append(badge('rej', 'rejection'));
  }
  for (const k of e.kinds) node.append(badge('kind', k));
  if (e.score !== null) node.append(badge('score', `score ${Number(e.score.toFixed(3))}`));
  return node;
}

/** The sample's mark and note, and the keys that change them. */
function reviewBox(): HTMLElement {
  const node = el('div', 'review-box');
  node.append(el('span', 'rvslot'), el('span', 'rvnote'), el('span', 'rvkeys', 'a accept · x reject · u clear · n note'));
  return node;
}

function head(e: Entry): HTMLElement {
  const node = el('div', 'shead');
  for (const x of e.expressions.length ? e.expressions : ['(no expression)']) node.append(el('h2', 'sexpr', x));
  node.append(facts(e), reviewBox());
  if (e.error) node.append(el('pre', 'error', e.error));
  if (e.warnings.length) {
    const ul = el('ul', 'warnings');
    for (const w of e.warnings) ul.append(el('li', undefined, w));
    node.append(ul);
  }
  return node;
}

export class SampleView {
  private name: string | null = null;

  constructor(private readonly ctx: SampleContext) {}

  current(): string | null {
    return this.name;
  }

  leave(): void {
    this.name = null;
  }

  show(name: string): void {
    const { ctx } = this;
    this.name = name;
    const i = ctx.byName.get(name);
    const e = i === undefined ? undefined : ctx.entries[i];
    ctx.container.replaceChildren(bar(ctx, name, e));
    window.scrollTo(0, 0);
    if (!e) {
      ctx.container.append(el('p', 'fatal', `No sample named "${name}" in this folder.`));
      return;
    }
    const box = el('div', 'sample');
    box.dataset.sample = name;
    box.append(head(e));
    ctx.container.append(box);
    this.updateReview([name]);
    if (e.hasDetail) this.fill(name, box, e.kinds.includes(NO_REASONING_KIND));
  }

  /** Redraws the mark if the sample shown is one of `names`. */
  updateReview(names: string[]): void {
    const name = this.name;
    const box = this.ctx.container.querySelector<HTMLElement>('.sample');
    if (!name || !box || !names.includes(name)) return;
    const { review } = this.ctx;
    box.dataset.review = review.status(name);
    fillReviewBadge(box.querySelector<HTMLElement>('.rvslot')!, review.status(name), '', true);
    box.querySelector('.rvnote')!.textContent = review.note(name);
  }

  private fill(name: string, box: HTMLElement, noReasoning: boolean): void {
    const body = el('div', 'sbody');
    body.append(el('p', 'loading', 'loading…'));
    box.append(body);
    void loadDetail(name).then((d) => {
      if (this.name !== name) return;
      body.replaceChildren();
      if (!d) {
        body.append(el('p', 'fatal', `viewer-data/${name}.js did not load.`));
        return;
      }
      renderDetail(d, body, box, noReasoning);
      this.ctx.root.dataset.loaded = name;
    });
  }
}
