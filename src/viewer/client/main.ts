/// <reference lib="dom" />
// The page's script: reads the index, wires the controls, the grid and the sample view to the URL hash and keys.
// page.ts writes the source of this function and of its parts into index.html, so none of them may use
// anything from outside its own body; the parts arrive as arguments.
import type { viewerDetailView } from './detail.js';
import type { viewerDom } from './dom.js';
import type { viewerFilters } from './filters.js';
import type { viewerGrid } from './grid.js';
import type { viewerSampleView } from './sample.js';
import type { Entry, State } from './types.js';

export interface ClientParts {
  dom: typeof viewerDom;
  filters: typeof viewerFilters;
  grid: typeof viewerGrid;
  detail: typeof viewerDetailView;
  sample: typeof viewerSampleView;
}

export function viewerClient(parts: ClientParts): void {
  const win = window as unknown as {
    HRV_INDEX?: { title: string; columns: string[]; runs: Record<string, unknown>[]; entries: unknown[][] };
    HRV_TEXT?: Record<string, string>;
  };
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const dom = parts.dom();
  const { el } = dom;
  const root = $('app');
  const index = win.HRV_INDEX;
  if (!index) {
    root.replaceChildren(el('p', 'fatal', 'viewer-index.js did not load: keep index.html, viewer-index.js, viewer-text.js and viewer-data/ together in one folder.'));
    return;
  }
  document.title = index.title;
  $('title').textContent = index.title;
  // Rows are arrays in the file (half the size); objects by column name here.
  const entries = index.entries.map((row) => {
    const e: Record<string, unknown> = {};
    index.columns.forEach((c, j) => (e[c] = row[j]));
    return e as unknown as Entry;
  });
  const byName = new Map<string, number>();
  entries.forEach((e, i) => byName.set(e.name, i));
  const f = parts.filters(entries);
  let state: State = f.defaults();
  let view: number[] = [];
  let searchText: Record<string, string> | null = null;

  // ---- controls ----
  const qInput = $<HTMLInputElement>('q');
  const splitSelect = $<HTMLSelectElement>('split');
  const sortSelect = $<HTMLSelectElement>('sort');
  const minInput = $<HTMLInputElement>('min');
  const maxInput = $<HTMLInputElement>('max');
  const kindBox = $('kinds');
  const countEl = $('count');
  const option = (into: HTMLSelectElement, value: string, text: string) => {
    const o = el('option', undefined, text);
    o.value = value;
    into.append(o);
  };
  const splits = [...new Set(entries.map((e) => e.split))].sort();
  option(splitSelect, '', 'all splits');
  for (const s of splits) option(splitSelect, s, s);
  const kindInputs = new Map<string, HTMLInputElement>();
  for (const k of f.allKinds) {
    const label = el('label', 'kind');
    const box = el('input');
    box.type = 'checkbox';
    box.value = k;
    box.dataset.kind = k;
    kindInputs.set(k, box);
    label.append(box, ` ${k} (${f.kindCounts.get(k) ?? 0})`);
    kindBox.append(label);
  }
  const hasScore = entries.some((e) => e.score !== null);
  const SORT_LABELS: Record<string, string> = { index: 'by index', candidates: 'most candidates first', warnings: 'most warnings first', score: 'highest score first' };
  for (const s of ['index', 'candidates', 'warnings', ...(hasScore ? ['score'] : [])]) option(sortSelect, s, SORT_LABELS[s]);
  const syncControls = () => {
    qInput.value = state.q;
    splitSelect.value = splits.includes(state.split) ? state.split : '';
    sortSelect.value = f.sorts[state.sort] && (state.sort !== 'score' || hasScore) ? state.sort : 'index';
    minInput.value = state.min === null ? '' : String(state.min);
    maxInput.value = state.max === null ? '' : String(state.max);
    for (const [k, box] of kindInputs) box.checked = state.only.includes(k);
  };
  const readControls = () => {
    state = {
      q: qInput.value,
      only: f.allKinds.filter((k) => kindInputs.get(k)!.checked),
      split: splitSelect.value,
      sort: sortSelect.value,
      min: f.num(minInput.value),
      max: f.num(maxInput.value),
    };
  };

  // ---- runs (provenance) ----
  const runsBox = $('runs');
  if (index.runs.some((run) => Object.keys(run).length > 0)) {
    runsBox.append(el('summary', undefined, index.runs.length === 1 ? 'This run' : `${index.runs.length} runs wrote into this folder`));
    index.runs.forEach((run, n) => {
      const dl = el('dl');
      if (index.runs.length > 1) dl.append(el('dt', 'run-no', `run ${n + 1}`));
      for (const [k, v] of Object.entries(run)) dl.append(el('dt', undefined, k), el('dd', undefined, typeof v === 'string' ? v : JSON.stringify(v)));
      runsBox.append(dl);
    });
  } else runsBox.hidden = true;

  // ---- the two views ----
  const gridView = $('gridview');
  const sampleView = $('sampleview');
  const grid = parts.grid(dom, entries, $('grid'), () => !gridView.hidden);
  const refresh = () => {
    view = f.computeView(state, searchText);
    countEl.textContent = `${view.length} of ${entries.length}`;
    root.dataset.shown = String(view.length);
    $('empty').hidden = view.length > 0;
  };
  const applyFilters = (writeHash: boolean) => {
    refresh();
    if (writeHash) {
      const h = f.hashOf(state);
      history.replaceState(null, '', h ? `#${h}` : location.pathname + location.search);
    }
    window.scrollTo(0, 0);
    grid.show(view);
  };
  let typing: number | undefined;
  qInput.addEventListener('input', () => {
    clearTimeout(typing);
    typing = window.setTimeout(() => (readControls(), applyFilters(true)), 80);
  });
  for (const c of [splitSelect, sortSelect, minInput, maxInput, kindBox]) c.addEventListener('change', () => (readControls(), applyFilters(true)));
  $('reset').addEventListener('click', () => {
    state = f.defaults();
    syncControls();
    applyFilters(true);
  });

  let cameFromGrid = false;
  let gridScroll = 0;
  const neighbours = (name: string): [string | null, string | null] => {
    // Through the grid's filtered, sorted list; a sample outside it steps through everything by index.
    const order = view.some((i) => entries[i].name === name) ? view : entries.map((_, i) => i).sort(f.byIndex);
    const p = order.findIndex((i) => entries[i].name === name);
    return [p > 0 ? entries[order[p - 1]].name : null, p >= 0 && p < order.length - 1 ? entries[order[p + 1]].name : null];
  };
  const showSampleView = (name: string) => {
    gridView.hidden = true;
    sampleView.hidden = false;
    sample.show(name);
  };
  const go = (name: string | null) => {
    if (!name) return;
    history.replaceState(null, '', `#${encodeURIComponent(name)}`);
    showSampleView(name);
  };
  const backToGrid = () => {
    if (cameFromGrid) history.back();
    else {
      const h = f.hashOf(state);
      location.hash = h ? `#${h}` : '#';
    }
  };
  const sample = parts.sample(dom, parts.detail(dom), { entries, byName, container: sampleView, root, neighbours, go, backToGrid });

  const showGrid = () => {
    sample.leave();
    cameFromGrid = false;
    sampleView.hidden = true;
    sampleView.replaceChildren();
    gridView.hidden = false;
    state = f.stateFromHash(location.hash);
    syncControls();
    refresh();
    grid.show(view);
    window.scrollTo(0, gridScroll);
    grid.paint();
  };
  window.addEventListener('hashchange', () => {
    if (!f.isSampleHash(location.hash)) return showGrid();
    if (!gridView.hidden) {
      gridScroll = window.scrollY;
      cameFromGrid = true;
    }
    showSampleView(decodeURIComponent(location.hash.slice(1)));
  });
  document.addEventListener('keydown', (e) => {
    const current = sample.current();
    if (sampleView.hidden || !current || e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.target as HTMLElement;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) return;
    const [prev, next] = neighbours(current);
    if (e.key === 'ArrowRight' || e.key === 'j') go(next);
    else if (e.key === 'ArrowLeft' || e.key === 'k') go(prev);
    else if (e.key === 'Escape') backToGrid();
    else return;
    e.preventDefault();
  });

  // The first view: a sample named in the hash opens directly; the grid's filters come from the hash too.
  if (f.isSampleHash(location.hash)) {
    refresh();
    syncControls();
    showSampleView(decodeURIComponent(location.hash.slice(1)));
  } else showGrid();
  root.dataset.ready = '1';
  // For the benchmark: milliseconds from navigation start to a usable grid, and to searchable reasoning.
  root.dataset.readyMs = String(Math.round(performance.now()));

  // The reasoning text can be large (45k samples): it loads after the grid is usable, then searches include it.
  const textScript = el('script');
  textScript.src = 'viewer-text.js';
  textScript.onload = () => {
    searchText = win.HRV_TEXT ?? {};
    root.dataset.text = 'loaded';
    root.dataset.textMs = String(Math.round(performance.now()));
    if (state.q.trim() && !gridView.hidden) applyFilters(false);
  };
  textScript.onerror = () => (root.dataset.text = 'missing');
  document.head.append(textScript);
}
