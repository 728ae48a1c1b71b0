/// <reference lib="dom" />
// Which screen the page shows, from the URL hash: the grid (its filters in the hash) or one sample (its name as the
// hash); going between them keeps the grid's scroll and lets Back return to it.
import { byId } from './dom.js';
import type { Grid } from './grid.js';
import { isSampleHash } from './hash.js';
import type { SampleView } from './sample.js';

/** What the navigation needs of the page: its two views and the grid's filters. */
export interface NavigationHost {
  sample(): SampleView;
  grid(): Grid;
  /** The grid's filters as a hash without `#`, '' for the defaults. */
  filterHash(): string;
  /** Sets the filters from `hash`, shows them in the controls, and lists the grid's samples again. */
  loadFilters(hash: string): void;
  /** Shows the filters in the controls and computes the grid's list (the first view opening on a sample). */
  showFilters(): void;
}

/**
 * How many history entries of sample views lie above the grid's, for the one just arrived at by a hash change: a
 * new entry (a link or a typed hash, from the grid or from another sample) is one above the entry before it and is
 * marked so in history.state; an entry gone back or forward to keeps its mark. Escape goes back that many.
 */
function sampleEntryDepth(before: number): number {
  const marked = (history.state as { samplesAboveGrid?: unknown } | null)?.samplesAboveGrid;
  if (typeof marked === 'number') return marked;
  history.replaceState({ ...(history.state as object | null), samplesAboveGrid: before + 1 }, '');
  return before + 1;
}

export class Navigation {
  readonly gridView = byId('gridview');
  readonly sampleView = byId('sampleview');
  private cameFromGrid = false;
  private samplesAboveGrid = 0;
  private gridScroll = 0;

  constructor(private readonly host: NavigationHost) {
    window.addEventListener('hashchange', () => this.onHashChange());
  }

  private showSampleView(name: string): void {
    this.gridView.hidden = true;
    this.sampleView.hidden = false;
    this.host.sample().show(name);
  }

  go(name: string | null): void {
    if (!name) return;
    // The entry keeps its place above the grid (history.state): j and k replace it, they add none.
    history.replaceState(history.state, '', `#${encodeURIComponent(name)}`);
    this.showSampleView(name);
  }

  backToGrid(): void {
    if (this.cameFromGrid) history.go(-this.samplesAboveGrid);
    else {
      const h = this.host.filterHash();
      location.hash = h ? `#${h}` : '#';
    }
  }

  private showGrid(): void {
    this.host.sample().leave();
    this.cameFromGrid = false;
    this.sampleView.hidden = true;
    this.sampleView.replaceChildren();
    this.gridView.hidden = false;
    this.host.loadFilters(location.hash);
    window.scrollTo(0, this.gridScroll);
    this.host.grid().paint();
  }

  private onHashChange(): void {
    if (!isSampleHash(location.hash)) return this.showGrid();
    if (!this.gridView.hidden) {
      this.gridScroll = window.scrollY;
      this.cameFromGrid = true;
      this.samplesAboveGrid = 0;
    }
    this.samplesAboveGrid = sampleEntryDepth(this.samplesAboveGrid);
    this.showSampleView(decodeURIComponent(location.hash.slice(1)));
  }

  /** The first view: a sample named in the hash opens directly; the grid's filters come from the hash too. */
  start(): void {
    if (isSampleHash(location.hash)) {
      this.host.showFilters();
      this.showSampleView(decodeURIComponent(location.hash.slice(1)));
    } else this.showGrid();
  }
}
