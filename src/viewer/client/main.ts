/// <reference lib="dom" />
// The page's script (bundled into index.html at build time): reads the index, wires the controls, the grid and the
// sample view to the URL hash and keys.
import { Controls } from './controls.js';
import { byId, el } from './dom.js';
import { Filters } from './filters.js';
import { Grid } from './grid.js';
import { defaultState, hashOf, isSampleHash, sampleEntryDepth, stateFromHash } from './hash.js';
import { readIndex, type IndexData } from './index-data.js';
import { REVIEW_STATUSES } from './review-file.js';
import { ReviewStore } from './review-store.js';
import { NoteEditor, ReviewBar, reviewCounts, reviewKey } from './review-ui.js';
import { renderRuns } from './runs.js';
import { SampleView } from './sample.js';
import { SummaryPanel } from './summary-panel.js';
import type { Entry, State } from './types.js';

class App {
  private readonly entries: Entry[];
  private readonly f: Filters;
  private readonly controls: Controls;
  private readonly grid: Grid;
  private readonly sample: SampleView;
  private readonly gridView = byId('gridview');
  private readonly sampleView = byId('sampleview');
  private state: State = defaultState();
  private view: number[] = [];
  private searchText: Record<string, string> | null = null;
  /** Characters of each sample's reasoning, once viewer-text.js is in. */
  private lengths: Map<string, number> | null = null;
  private readonly summary: SummaryPanel;
  private cameFromGrid = false;
  private samplesAboveGrid = 0;
  private gridScroll = 0;
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
    this.grid = new Grid(this.entries, byId('grid'), () => !this.gridView.hidden, this.review);
    this.sample = new SampleView({
      entries: this.entries,
      byName: index.byName,
      container: this.sampleView,
      root,
      neighbours: (name) => this.neighbours(name),
      go: (name) => this.go(name),
      backToGrid: () => this.backToGrid(),
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
    window.addEventListener('hashchange', () => this.onHashChange());
    document.addEventListener('keydown', (e) => this.onKey(e));
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

  private showSampleView(name: string): void {
    this.gridView.hidden = true;
    this.sampleView.hidden = false;
    this.sample.show(name);
  }

  private go(name: string | null): void {
    if (!name) return;
    // The entry keeps its place above the grid (history.state): j and k replace it, they add none.
    history.replaceState(history.state, '', `#${encodeURIComponent(name)}`);
    this.showSampleView(name);
  }

  private backToGrid(): void {
    if (this.cameFromGrid) history.go(-this.samplesAboveGrid);
    else {
      const h = hashOf(this.state);
      location.hash = h ? `#${h}` : '#';
    }
  }

  private showGrid(): void {
    this.sample.leave();
    this.cameFromGrid = false;
    this.sampleView.hidden = true;
    this.sampleView.replaceChildren();
    this.gridView.hidden = false;
    this.state = stateFromHash(location.hash);
    this.controls.write(this.state);
    this.refresh();
    this.grid.show(this.view);
    window.scrollTo(0, this.gridScroll);
    this.grid.paint();
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

  private onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.target as HTMLElement;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) return;
    const current = this.sample.current();
    // Review keys mark the sample shown, or in the grid the focused card.
    const card = this.gridView.hidden ? null : t?.closest?.<HTMLElement>('.card[data-sample]');
    const marked = this.sampleView.hidden ? card?.dataset.sample : current;
    if (marked && reviewKey(e.key, marked, this.review, this.notes)) return e.preventDefault();
    if (this.sampleView.hidden || !current) return;
    const [prev, next] = this.neighbours(current);
    if (e.key === 'ArrowRight' || e.key === 'j') this.go(next);
    else if (e.key === 'ArrowLeft' || e.key === 'k') this.go(prev);
    else if (e.key === 'Escape') this.backToGrid();
    else return;
    e.preventDefault();
  }

  /** The first view: a sample named in the hash opens directly; the grid's filters come from the hash too. */
  start(): void {
    if (isSampleHash(location.hash)) {
      this.refresh();
      this.controls.write(this.state);
      this.showSampleView(decodeURIComponent(location.hash.slice(1)));
    } else this.showGrid();
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
      if ((this.state.q.trim() || this.state.len) && !this.gridView.hidden) this.applyFilters(false);
      else this.summary.update(this.view);
    };
    textScript.onerror = () => (this.root.dataset.text = 'missing');
    document.head.append(textScript);
  }
}

function main(): void {
  const root = byId('app');
  const index = readIndex();
  if (!index) {
    root.replaceChildren(el('p', 'fatal', 'viewer-index.js did not load: keep index.html, viewer-index.js, viewer-text.js and viewer-data/ together in one folder.'));
    return;
  }
  document.title = index.title;
  byId('title').textContent = index.title;
  renderRuns(byId('runs'), index.runs);
  const app = new App(root, index);
  app.start();
  root.dataset.ready = '1';
  // For the benchmark: milliseconds from navigation start to a usable grid, and to searchable reasoning.
  root.dataset.readyMs = String(Math.round(performance.now()));
  app.loadText();
}

main();
