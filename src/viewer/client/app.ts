/// <reference lib="dom" />
// The page's parts wired together: the filters and controls, the summary, the grid, the sample view and the review
// marks, over one filter state; which of the two views shows is navigation.ts's, the keys keys.ts's.
import { Controls } from './controls.js';
import { byId, el } from './dom.js';
import { Filters } from './filters.js';
import { Grid } from './grid.js';
import { defaultState, hashOf, stateFromHash } from './hash.js';
import type { IndexData } from './index-data.js';
import { onKey } from './keys.js';
import { Navigation } from './navigation.js';
import { REVIEW_STATUSES } from './review-file.js';
import { ReviewStore } from './review-store.js';
import { NoteEditor, ReviewBar, reviewCounts } from './review-ui.js';
import { SampleView } from './sample.js';
import { SummaryPanel } from './summary-panel.js';
import type { Entry, State } from './types.js';

export class App {
  private readonly entries: Entry[];
  private readonly f: Filters;
  private readonly controls: Controls;
  private readonly grid: Grid;
  private readonly sample: SampleView;
  private readonly nav: Navigation;
  private state: State = defaultState();
  private view: number[] = [];
  private searchText: Record<string, string> | null = null;
  /** Characters of each sample's reasoning, once viewer-text.js is in. */
  private lengths: Map<string, number> | null = null;
  private readonly summary: SummaryPanel;
  private readonly review: ReviewStore;
  private readonly reviewBar: ReviewBar;
  private readonly notes: NoteEditor;

  constructor(private readonly root: HTMLElement, private readonly index: IndexData) {
    this.entries = index.entries;
    const runIds = index.runs.map((r) => r.run).filter((r): r is string => typeof r === 'string');
    this.review = new ReviewStore(runIds);
    this.reviewBar = new ReviewBar(this.review, root.dataset.tool ?? 'humanref-vis');
    this.notes = new NoteEditor(this.review);
    this.f = new Filters(this.entries, this.review);
    this.controls = new Controls(this.entries, this.f);
    this.controls.onChange(() => ((this.state = this.controls.read(this.state)), this.applyFilters(true)));
    const summaryBox = byId<HTMLDetailsElement>('summary');
    this.summary = new SummaryPanel(summaryBox, this.entries, this.f.kindsOf, (s) => {
      this.state = s;
      this.controls.write(s);
      this.applyFilters(true);
    }, () => this.state);
    summaryBox.addEventListener('toggle', () => (summaryBox.open && summaryBox.dataset.stale ? this.summary.update(this.view) : undefined));
    byId('reset').addEventListener('click', () => {
      this.state = defaultState();
      this.controls.write(this.state);
      this.applyFilters(true);
    });
    this.nav = new Navigation({
      sample: () => this.sample,
      grid: () => this.grid,
      filterHash: () => hashOf(this.state),
      loadFilters: (hash) => {
        this.state = stateFromHash(hash);
        this.controls.write(this.state);
        this.refresh();
        this.grid.show(this.view);
      },
      showFilters: () => {
        this.refresh();
        this.controls.write(this.state);
      },
    });
    this.grid = new Grid(this.entries, byId('grid'), () => !this.nav.gridView.hidden, this.review);
    this.sample = new SampleView({
      entries: this.entries,
      byName: index.byName,
      container: this.nav.sampleView,
      root,
      neighbours: (name) => this.neighbours(name),
      go: (name) => this.nav.go(name),
      backToGrid: () => this.nav.backToGrid(),
      review: this.review,
    });
    // A mark redraws its badges and counts; the list shown stays as it is until the filters change, so the
    // sample just marked does not vanish from under the keys (j/k step on from it).
    this.review.onChange((names) => {
      this.grid.updateReview(names);
      this.sample.updateReview(names);
      this.showReviewCounts();
    });
    this.showReviewCounts();
    const keyTargets = { nav: this.nav, current: () => this.sample.current(), neighbours: (name: string) => this.neighbours(name), review: this.review, notes: this.notes };
    document.addEventListener('keydown', (e) => onKey(e, keyTargets));
  }

  private showReviewCounts(): void {
    const c = reviewCounts(this.review, this.entries, this.index.byName);
    this.reviewBar.show(c);
    for (const s of REVIEW_STATUSES) this.controls.setKindCount(s, c[s]);
  }

  private refresh(): void {
    this.view = this.f.computeView(this.state, this.searchText, this.lengths);
    this.summary.update(this.view);
    byId('count').textContent = `${this.view.length} of ${this.entries.length}`;
    this.root.dataset.shown = String(this.view.length);
    byId('empty').hidden = this.view.length > 0;
  }

  private applyFilters(writeHash: boolean): void {
    this.refresh();
    if (writeHash) {
      const h = hashOf(this.state);
      history.replaceState(null, '', h ? `#${h}` : location.pathname + location.search);
    }
    window.scrollTo(0, 0);
    this.grid.show(this.view);
  }

  /** Through the grid's filtered, sorted list; a sample outside it steps through everything by index. */
  private neighbours(name: string): [string | null, string | null] {
    const { entries, view } = this;
    const order = view.some((i) => entries[i].name === name) ? view : entries.map((_, i) => i).sort(this.f.byIndex);
    const p = order.findIndex((i) => entries[i].name === name);
    return [p > 0 ? entries[order[p - 1]].name : null, p >= 0 && p < order.length - 1 ? entries[order[p + 1]].name : null];
  }

  start(): void {
    this.nav.start();
  }

  /** The reasoning text can be large (45k samples): it loads after the grid is usable, then searches include it. */
  loadText(): void {
    const textScript = el('script');
    textScript.src = 'viewer-text.js';
    textScript.onload = () => {
      this.searchText = (window as unknown as { HRV_TEXT?: Record<string, string> }).HRV_TEXT ?? {};
      this.lengths = new Map(Object.entries(this.searchText).map(([name, text]) => [name, text.length]));
      this.summary.setLengths(this.lengths);
      this.root.dataset.text = 'loaded';
      this.root.dataset.textMs = String(Math.round(performance.now()));
      if ((this.state.q.trim() || this.state.len) && !this.nav.gridView.hidden) this.applyFilters(false);
      else this.summary.update(this.view);
    };
    textScript.onerror = () => (this.root.dataset.text = 'missing');
    document.head.append(textScript);
  }
}
