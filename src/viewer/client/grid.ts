/// <reference lib="dom" />
// The virtual grid: cards are absolutely placed, and only those on screen (plus a row each side) exist.
import { makeCard, showReview } from './card.js';
import { cachedDetail, loadDetail } from './details.js';
import type { ReviewStore } from './review-store.js';
import { fillThumb } from './thumb.js';
import type { Entry } from './types.js';

const CARD_MIN = 270, CARD_H = 352, GAP = 14;
/** How long the grid must rest before its cards load their photos: a fast scroll loads none of the cards it passes. */
const THUMB_REST_MS = 120;

const pendingThumb = (card: HTMLElement) => card.querySelector<HTMLElement>('.thumb[data-thumb="pending"]');

export class Grid {
  private cols = 1;
  private cardW = CARD_MIN;
  private view: number[] = [];
  private readonly live = new Map<string, { card: HTMLElement; entry: Entry }>();
  private frame = 0;
  private thumbTimer = 0;

  constructor(
    private readonly entries: Entry[],
    private readonly grid: HTMLElement,
    private readonly isShown: () => boolean,
    private readonly review: ReviewStore,
  ) {
    window.addEventListener('scroll', () => {
      if (!this.frame) this.frame = requestAnimationFrame(() => ((this.frame = 0), this.paint()));
    }, { passive: true });
    window.addEventListener('resize', () => (isShown() ? this.show(this.view) : undefined));
  }

  /** Creates the cards now on screen, places them, and drops those that left it. */
  paint(): void {
    if (!this.isShown()) return;
    const { cols, cardW, view, live } = this;
    const top = this.grid.getBoundingClientRect().top;
    const rowH = CARD_H + GAP;
    const from = Math.max(0, Math.floor(-top / rowH) - 1) * cols;
    const to = Math.min(view.length, (Math.floor((window.innerHeight - top) / rowH) + 2) * cols);
    const wanted = new Set<string>();
    for (let p = from; p < to; p++) {
      const e = this.entries[view[p]];
      wanted.add(e.name);
      let card = live.get(e.name)?.card;
      if (!card) {
        card = makeCard(e, this.review.status(e.name), this.review.note(e.name));
        live.set(e.name, { card, entry: e });
        // A detail still in memory (the card was on screen a moment ago) draws at once, without a flash of grey.
        const slot = pendingThumb(card);
        const known = slot && cachedDetail(e.name);
        if (slot && known) fillThumb(slot, e, known);
        this.grid.append(card);
      }
      card.style.transform = `translate(${(p % cols) * (cardW + GAP)}px, ${Math.floor(p / cols) * rowH}px)`;
      card.style.width = `${cardW}px`;
    }
    for (const [name, { card }] of live) {
      if (!wanted.has(name)) {
        card.remove();
        live.delete(name);
      }
    }
    clearTimeout(this.thumbTimer);
    this.thumbTimer = window.setTimeout(() => this.loadThumbs(), THUMB_REST_MS);
  }

  /** Loads the details of the cards on screen whose photo is not drawn yet, and draws it. */
  private loadThumbs(): void {
    if (!this.isShown()) return;
    for (const { card, entry } of this.live.values()) {
      const slot = pendingThumb(card);
      if (!slot || slot.dataset.loading) continue;
      slot.dataset.loading = '1';
      // A card scrolled away before its detail came is dropped; the detail stays in memory for when it returns.
      void loadDetail(entry.name).then((d) => (slot.isConnected ? fillThumb(slot, entry, d) : undefined));
    }
  }

  /** Redraws the review badge of those of `names` that are on screen. */
  updateReview(names: string[]): void {
    for (const name of names) {
      const shown = this.live.get(name);
      if (shown) showReview(shown.card, this.review.status(name), this.review.note(name));
    }
  }

  /** Shows `positions` (indices into entries, in order) from the top. */
  show(positions: number[]): void {
    this.view = positions;
    const width = this.grid.clientWidth || window.innerWidth - 32;
    this.cols = Math.max(1, Math.floor((width + GAP) / (CARD_MIN + GAP)));
    this.cardW = (width - (this.cols - 1) * GAP) / this.cols;
    this.grid.style.height = `${Math.ceil(this.view.length / this.cols) * (CARD_H + GAP)}px`;
    for (const { card } of this.live.values()) card.remove();
    this.live.clear();
    this.paint();
  }
}
