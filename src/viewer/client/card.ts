/// <reference lib="dom" />
// One grid card: thumbnail, position, expression, ✅ ❌ ⚠️ counts, badges and the first warning.
import { NO_REASONING_KIND } from '../types.js';
import { badge, consistencyBadge, counts, el } from './dom.js';
import type { ReviewStatus } from './review-file.js';
import { fillReviewBadge } from './review-ui.js';
import { thumbnail } from './thumb.js';
import type { Entry } from './types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function countsLine(e: Entry): HTMLElement {
  const node = el('div', 'counts');
  if (e.status === 'failed') node.append(el('span', 'error', e.error ?? 'failed'));
  else {
    counts(node, e);
    if (e.none) node.append(el('span', 'count', `no mark ${e.none}`));
  }
  return node;
}

function badges(e: Entry): HTMLElement {
  const node = el('div', 'badges');
  if (e.status === 'failed') node.append(badge('bad', 'failed'));
  else if (!e.kinds.includes(NO_REASONING_KIND)) node.append(consistencyBadge(e));
  if (e.rejection) node.append(badge('rej', 'rejection'));
  if (e.warnings.length) {
    const w = badge('warn', plural(e.warnings.length, 'warning'));
    w.title = e.warnings.join('\n');
    node.append(w);
  }
  // An extra kind a built-in badge already shows (an eval's domain `rejection`) is not shown twice.
  for (const k of e.kinds) if (!(k === 'rejection' && e.rejection)) node.append(badge('kind', k));
  if (e.score !== null) node.append(badge('score', `score ${Number(e.score.toFixed(3))}`));
  return node;
}

/** What a card shows of the review: `data-review` and the badge over the thumbnail. */
export function showReview(card: HTMLElement, status: ReviewStatus, note: string): void {
  card.dataset.review = status;
  fillReviewBadge(card.querySelector<HTMLElement>('.rvslot')!, status, note);
}

export function makeCard(e: Entry, status: ReviewStatus, note: string): HTMLElement {
  const card = el('a', 'card');
  card.href = `#${encodeURIComponent(e.name)}`;
  card.dataset.sample = e.name;
  card.append(thumbnail(e), el('div', 'rvslot'));
  showReview(card, status, note);
  card.append(el('div', 'id', e.status === 'failed' ? `${e.split} #${e.index}` : `${e.split} #${e.index} · ${plural(e.candidates, 'candidate')}`));
  card.append(el('div', 'expr', e.expressions.length ? e.expressions.join(' | ') : '(no expression)'));
  card.append(countsLine(e), badges(e));
  if (e.warnings.length) card.append(el('div', 'warnline', e.warnings[0]));
  return card;
}
