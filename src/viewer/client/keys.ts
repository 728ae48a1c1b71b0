/// <reference lib="dom" />
// The page's keys: review marks on the sample shown (or the focused card in the grid), and j/k/arrows/Escape to
// step through the samples and back to the grid.
import type { Navigation } from './navigation.js';
import type { ReviewStore } from './review-store.js';
import { reviewKey, type NoteEditor } from './review-ui.js';

export interface KeyTargets {
  nav: Navigation;
  /** The sample shown, if any. */
  current(): string | null;
  /** The samples before and after `name` in the order the grid lists them. */
  neighbours(name: string): [string | null, string | null];
  review: ReviewStore;
  notes: NoteEditor;
}

export function onKey(e: KeyboardEvent, to: KeyTargets): void {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const t = e.target as HTMLElement;
  if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) return;
  const { gridView, sampleView } = to.nav;
  const current = to.current();
  // Review keys mark the sample shown, or in the grid the focused card.
  const card = gridView.hidden ? null : t?.closest?.<HTMLElement>('.card[data-sample]');
  const marked = sampleView.hidden ? card?.dataset.sample : current;
  if (marked && reviewKey(e.key, marked, to.review, to.notes)) return e.preventDefault();
  if (sampleView.hidden || !current) return;
  const [prev, next] = to.neighbours(current);
  if (e.key === 'ArrowRight' || e.key === 'j') to.nav.go(next);
  else if (e.key === 'ArrowLeft' || e.key === 'k') to.nav.go(prev);
  else if (e.key === 'Escape') to.nav.backToGrid();
  else return;
  e.preventDefault();
}
