/// <reference lib="dom" />
// The virtual grid: cards are absolutely placed, and only those on screen (plus a row each side) exist.
import type { Dom, Entry } from './types.js';

export function viewerGrid(dom: Dom, entries: Entry[], grid: HTMLElement, isShown: () => boolean) {
  const { el, badge } = dom;
  const CARD_MIN = 270, CARD_H = 352, GAP = 14;
  let cols = 1, cardW = CARD_MIN;
  let view: number[] = [];
  const live = new Map<string, HTMLElement>();

  const makeCard = (e: Entry): HTMLElement => {
    const card = el('a', 'card');
    card.href = `#${encodeURIComponent(e.name)}`;
    card.dataset.sample = e.name;
    if (e.file) {
      const img = el('img', 'thumb');
      img.loading = 'lazy';
      img.decoding = 'async';
      img.alt = `${e.split} sample ${e.index}`;
      img.src = encodeURIComponent(e.file);
      card.append(img);
    } else card.append(el('div', 'thumb nothumb', e.status === 'failed' ? 'failed' : 'no picture'));
    card.append(el('div', 'id', e.status === 'failed' ? `${e.split} #${e.index}` : `${e.split} #${e.index} · ${e.candidates} candidate${e.candidates === 1 ? '' : 's'}`));
    card.append(el('div', 'expr', e.expressions.length ? e.expressions.join(' | ') : '(no expression)'));
    const counts = el('div', 'counts');
    if (e.status === 'failed') counts.append(el('span', 'error', e.error ?? 'failed'));
    else {
      dom.counts(counts, e);
      if (e.none) counts.append(el('span', 'count', `no mark ${e.none}`));
    }
    card.append(counts);
    const badges = el('div', 'badges');
    if (e.status === 'failed') badges.append(badge('bad', 'failed'));
    else badges.append(e.consistent ? badge('ok', 'consistent') : badge('bad', 'inconsistent'));
    if (e.rejection) badges.append(badge('rej', 'rejection'));
    if (e.warnings.length) {
      const w = badge('warn', `${e.warnings.length} warning${e.warnings.length === 1 ? '' : 's'}`);
      w.title = e.warnings.join('\n');
      badges.append(w);
    }
    // An extra kind a built-in badge already shows (an eval's domain `rejection`) is not shown twice.
    for (const k of e.kinds) if (!(k === 'rejection' && e.rejection)) badges.append(badge('kind', k));
    if (e.score !== null) badges.append(badge('score', `score ${Number(e.score.toFixed(3))}`));
    card.append(badges);
    if (e.warnings.length) card.append(el('div', 'warnline', e.warnings[0]));
    return card;
  };

  const paint = () => {
    if (!isShown()) return;
    const top = grid.getBoundingClientRect().top;
    const rowH = CARD_H + GAP;
    const from = Math.max(0, Math.floor(-top / rowH) - 1) * cols;
    const to = Math.min(view.length, (Math.floor((window.innerHeight - top) / rowH) + 2) * cols);
    const wanted = new Set<string>();
    for (let p = from; p < to; p++) {
      const e = entries[view[p]];
      wanted.add(e.name);
      let card = live.get(e.name);
      if (!card) {
        card = makeCard(e);
        live.set(e.name, card);
        grid.append(card);
      }
      card.style.transform = `translate(${(p % cols) * (cardW + GAP)}px, ${Math.floor(p / cols) * rowH}px)`;
      card.style.width = `${cardW}px`;
    }
    for (const [name, card] of live) {
      if (!wanted.has(name)) {
        card.remove();
        live.delete(name);
      }
    }
  };

  /** Shows `positions` (indices into entries, in order) from the top. */
  const show = (positions: number[]) => {
    view = positions;
    const width = grid.clientWidth || window.innerWidth - 32;
    cols = Math.max(1, Math.floor((width + GAP) / (CARD_MIN + GAP)));
    cardW = (width - (cols - 1) * GAP) / cols;
    grid.style.height = `${Math.ceil(view.length / cols) * (CARD_H + GAP)}px`;
    for (const card of live.values()) card.remove();
    live.clear();
    paint();
  };

  let frame = 0;
  window.addEventListener('scroll', () => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), paint()));
  }, { passive: true });
  window.addEventListener('resize', () => (isShown() ? show(view) : undefined));
  return { show, paint };
}
