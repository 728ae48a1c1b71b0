/// <reference lib="dom" />
// The sample view's frame: the bar (grid, previous, next, static picture), the facts, and the details loaded on
// demand from viewer-data/<name>.js (a script tag: file:// pages cannot fetch).
import type { Detail, Dom, Entry } from './types.js';
import type { viewerDetailView } from './detail.js';

export interface SampleContext {
  entries: Entry[];
  byName: Map<string, number>;
  /** Where the view goes; `root` gets `data-loaded="<name>"` once the details are drawn. */
  container: HTMLElement;
  root: HTMLElement;
  neighbours(name: string): [string | null, string | null];
  go(name: string | null): void;
  backToGrid(): void;
}

export function viewerSampleView(dom: Dom, detailView: ReturnType<typeof viewerDetailView>, ctx: SampleContext) {
  const { el, badge } = dom;
  const win = window as unknown as { HRV_SAMPLE?: (detail: Detail) => void };
  const details = new Map<string, Detail>();
  const waiting = new Map<string, (d: Detail | null) => void>();
  win.HRV_SAMPLE = (d) => {
    details.set(d.name, d);
    waiting.get(d.name)?.(d);
    waiting.delete(d.name);
  };
  const load = (name: string): Promise<Detail | null> => {
    const known = details.get(name);
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => {
      waiting.set(name, resolve);
      const s = el('script');
      s.src = `viewer-data/${encodeURIComponent(name)}.js`;
      s.onerror = () => (waiting.delete(name), resolve(null));
      s.onload = () => s.remove();
      document.head.append(s);
    });
  };
  let current: string | null = null;

  const bar = (name: string, e: Entry | undefined): HTMLElement => {
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
  };

  const head = (e: Entry): HTMLElement => {
    const node = el('div', 'shead');
    for (const x of e.expressions.length ? e.expressions : ['(no expression)']) node.append(el('h2', 'sexpr', x));
    const facts = el('div', 'counts');
    if (e.status === 'failed') facts.append(badge('bad', 'failed'));
    else {
      facts.append(el('span', 'count', `${e.candidates} candidates`));
      dom.counts(facts, e);
      facts.append(e.consistent ? badge('ok', 'consistent') : badge('bad', 'inconsistent'));
      if (e.rejection) facts.append(badge('rej', 'rejection'));
    }
    for (const k of e.kinds) facts.append(badge('kind', k));
    if (e.score !== null) facts.append(badge('score', `score ${Number(e.score.toFixed(3))}`));
    node.append(facts);
    if (e.error) node.append(el('pre', 'error', e.error));
    if (e.warnings.length) {
      const ul = el('ul', 'warnings');
      for (const w of e.warnings) ul.append(el('li', undefined, w));
      node.append(ul);
    }
    return node;
  };

  const show = (name: string) => {
    current = name;
    const i = ctx.byName.get(name);
    const e = i === undefined ? undefined : ctx.entries[i];
    ctx.container.replaceChildren(bar(name, e));
    window.scrollTo(0, 0);
    if (!e) {
      ctx.container.append(el('p', 'fatal', `No sample named "${name}" in this folder.`));
      return;
    }
    const box = el('div', 'sample');
    box.dataset.sample = name;
    box.append(head(e));
    ctx.container.append(box);
    if (!e.hasDetail) return;
    const body = el('div', 'sbody');
    body.append(el('p', 'loading', 'loading…'));
    box.append(body);
    void load(name).then((d) => {
      if (current !== name) return;
      body.replaceChildren();
      if (!d) {
        body.append(el('p', 'fatal', `viewer-data/${name}.js did not load.`));
        return;
      }
      detailView.render(d, body, box);
      ctx.root.dataset.loaded = name;
    });
  };
  return { show, current: () => current, leave: () => void (current = null) };
}
