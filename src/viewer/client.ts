/// <reference lib="dom" />
// The page's script. `viewerClient` runs in the browser: page.ts writes its source into index.html, so it must
// not use anything from outside its own body. Data is only ever set as text or attributes, never as HTML.

export function viewerClient(): void {
  type Row = [string, string | null, string, number, string, string[], number, number, number, number, number, number, number, string[], string[], number | null, string | null, number, number, string];
  interface Candidate {
    person: number;
    box: [number, number, number, number];
    color: string;
    textColor: string;
    verdict: string | null;
    target: boolean;
  }
  interface Detail {
    name: string;
    image: { width: number; height: number; file: string | null };
    candidates: Candidate[];
    predicted?: { box: [number, number, number, number]; label?: string; color?: string }[];
    regionMap: { expression: string; targets: number[] }[];
    cotTargets: number[];
    reasoning: string;
    mentions: { start: number; end: number; person: number }[];
    lines: { start: number; end: number; subjects: number[] }[];
  }
  interface State {
    q: string;
    only: string[];
    split: string;
    sort: string;
    min: number | null;
    max: number | null;
  }
  // Column numbers of a Row (data-files.ts, COLUMNS).
  const NAME = 0, FILE = 1, SPLIT = 2, INDEX = 3, STATUS = 4, EXPR = 5, CANDS = 6, OK = 7, NO = 8, WARN = 9, NONE = 10, CONSISTENT = 11, REJECTION = 12, WARNINGS = 13, KINDS = 14, SCORE = 15, ERROR = 16, HAS_DETAIL = 18, KEY = 19;
  const BUILT_IN_KINDS = ['inconsistent', 'warned', 'failed', 'rejection'];
  const SVG = 'http://www.w3.org/2000/svg';

  const win = window as unknown as {
    HRV_INDEX?: { title: string; runs: Record<string, unknown>[]; entries: Row[] };
    HRV_TEXT?: Record<string, string>;
    HRV_SAMPLE?: (detail: Detail) => void;
  };
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const svgEl = (tag: string, attrs: Record<string, string | number>): SVGElement => {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  };
  const MARK_CLASS: Record<string, string> = { '✅': 'mk-ok', '❌': 'mk-no', '⚠️': 'mk-warn', '⚠': 'mk-warn' };
  const mark = (m: string): HTMLElement => {
    const node = el('span', `mk ${MARK_CLASS[m] ?? ''}`);
    node.setAttribute('role', 'img');
    node.setAttribute('aria-label', m);
    return node;
  };

  const root = $('app');
  const index = win.HRV_INDEX;
  if (!index) {
    root.replaceChildren(el('p', 'fatal', 'viewer-index.js did not load: keep index.html, viewer-index.js, viewer-text.js and viewer-data/ together in one folder.'));
    return;
  }
  document.title = index.title;
  $('title').textContent = index.title;
  const rows = index.entries;
  const byName = new Map<string, number>();
  rows.forEach((r, i) => byName.set(r[NAME], i));
  const exprLower = rows.map((r) => r[EXPR].join('\n').toLowerCase());
  const kindsOf = rows.map((r) => {
    const kinds: string[] = [];
    if (r[STATUS] === 'failed') kinds.push('failed');
    else {
      if (!r[CONSISTENT]) kinds.push('inconsistent');
      if (r[REJECTION]) kinds.push('rejection');
    }
    if (r[WARNINGS].length) kinds.push('warned');
    for (const k of r[KINDS]) if (!kinds.includes(k)) kinds.push(k);
    return kinds;
  });
  let searchText: Record<string, string> | null = null;

  // ---- state <-> hash ----
  const defaults = (): State => ({ q: '', only: [], split: '', sort: 'index', min: null, max: null });
  let state = defaults();
  const num = (v: string | null) => (v === null || v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v));
  const stateFromHash = (hash: string): State => {
    const p = new URLSearchParams(hash.replace(/^#/, ''));
    return {
      q: p.get('q') ?? '',
      only: (p.get('only') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean),
      split: p.get('split') ?? '',
      sort: p.get('sort') ?? 'index',
      min: num(p.get('min')),
      max: num(p.get('max')),
    };
  };
  const hashOf = (s: State): string => {
    const p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    if (s.only.length) p.set('only', s.only.join(','));
    if (s.split) p.set('split', s.split);
    if (s.sort !== 'index') p.set('sort', s.sort);
    if (s.min !== null) p.set('min', String(s.min));
    if (s.max !== null) p.set('max', String(s.max));
    // Keep commas readable in shared links (`only=inconsistent,warned`).
    return p.toString().replace(/%2C/g, ',');
  };
  const isSampleHash = (hash: string) => hash.length > 1 && !hash.includes('=');

  // ---- filtering and sorting ----
  let view: number[] = [];
  const byIndex = (a: number, b: number) => {
    const ra = rows[a], rb = rows[b];
    return ra[SPLIT] < rb[SPLIT] ? -1 : ra[SPLIT] > rb[SPLIT] ? 1 : ra[INDEX] - rb[INDEX];
  };
  const SORTS: Record<string, (a: number, b: number) => number> = {
    index: byIndex,
    candidates: (a, b) => rows[b][CANDS] - rows[a][CANDS] || byIndex(a, b),
    warnings: (a, b) => rows[b][WARNINGS].length - rows[a][WARNINGS].length || byIndex(a, b),
    score: (a, b) => (rows[b][SCORE] ?? -Infinity) - (rows[a][SCORE] ?? -Infinity) || byIndex(a, b),
  };
  const matches = (i: number, q: string): boolean => {
    const r = rows[i];
    if (state.split && r[SPLIT] !== state.split) return false;
    if (state.min !== null && r[CANDS] < state.min) return false;
    if (state.max !== null && r[CANDS] > state.max) return false;
    if (state.only.length && !state.only.some((k) => kindsOf[i].includes(k))) return false;
    if (q && !exprLower[i].includes(q) && !(searchText?.[r[NAME]]?.includes(q) ?? false)) return false;
    return true;
  };
  const computeView = () => {
    const q = state.q.trim().toLowerCase();
    const out: number[] = [];
    for (let i = 0; i < rows.length; i++) if (matches(i, q)) out.push(i);
    out.sort(SORTS[state.sort] ?? byIndex);
    view = out;
  };

  // ---- controls ----
  const qInput = $<HTMLInputElement>('q');
  const splitSelect = $<HTMLSelectElement>('split');
  const sortSelect = $<HTMLSelectElement>('sort');
  const minInput = $<HTMLInputElement>('min');
  const maxInput = $<HTMLInputElement>('max');
  const kindBox = $('kinds');
  const countEl = $('count');
  const splits = [...new Set(rows.map((r) => r[SPLIT]))].sort();
  for (const s of ['', ...splits]) {
    const o = el('option', undefined, s || 'all splits');
    o.value = s;
    splitSelect.append(o);
  }
  const allKinds = [...BUILT_IN_KINDS, ...[...new Set(rows.flatMap((r) => r[KINDS]))].filter((k) => !BUILT_IN_KINDS.includes(k)).sort()];
  const kindCounts = new Map<string, number>();
  for (const ks of kindsOf) for (const k of ks) kindCounts.set(k, (kindCounts.get(k) ?? 0) + 1);
  const kindInputs = new Map<string, HTMLInputElement>();
  for (const k of allKinds) {
    const label = el('label', 'kind');
    const box = el('input');
    box.type = 'checkbox';
    box.value = k;
    box.dataset.kind = k;
    kindInputs.set(k, box);
    label.append(box, ` ${k} (${kindCounts.get(k) ?? 0})`);
    kindBox.append(label);
  }
  const hasScore = rows.some((r) => r[SCORE] !== null);
  const SORT_LABELS: Record<string, string> = { index: 'by index', candidates: 'most candidates first', warnings: 'most warnings first', score: 'highest score first' };
  for (const s of ['index', 'candidates', 'warnings', ...(hasScore ? ['score'] : [])]) {
    const o = el('option', undefined, SORT_LABELS[s]);
    o.value = s;
    sortSelect.append(o);
  }
  const syncControls = () => {
    qInput.value = state.q;
    splitSelect.value = splits.includes(state.split) ? state.split : '';
    sortSelect.value = SORTS[state.sort] && (state.sort !== 'score' || hasScore) ? state.sort : 'index';
    minInput.value = state.min === null ? '' : String(state.min);
    maxInput.value = state.max === null ? '' : String(state.max);
    for (const [k, box] of kindInputs) box.checked = state.only.includes(k);
  };
  const readControls = () => {
    state = {
      q: qInput.value,
      only: allKinds.filter((k) => kindInputs.get(k)!.checked),
      split: splitSelect.value,
      sort: sortSelect.value,
      min: num(minInput.value),
      max: num(maxInput.value),
    };
  };
  const gridHash = () => hashOf(state);
  const applyFilters = (writeHash: boolean) => {
    computeView();
    countEl.textContent = `${view.length} of ${rows.length}`;
    root.dataset.shown = String(view.length);
    if (writeHash) {
      const h = gridHash();
      history.replaceState(null, '', h ? `#${h}` : location.pathname + location.search);
    }
    window.scrollTo(0, 0);
    layoutGrid();
  };
  let typing: number | undefined;
  qInput.addEventListener('input', () => {
    clearTimeout(typing);
    typing = window.setTimeout(() => {
      readControls();
      applyFilters(true);
    }, 80);
  });
  for (const c of [splitSelect, sortSelect, minInput, maxInput]) c.addEventListener('change', () => (readControls(), applyFilters(true)));
  kindBox.addEventListener('change', () => (readControls(), applyFilters(true)));
  $('reset').addEventListener('click', () => {
    state = defaults();
    syncControls();
    applyFilters(true);
  });

  // ---- runs (provenance) ----
  const runsBox = $('runs');
  if (index.runs.some((run) => Object.keys(run).length > 0)) {
    const summary = el('summary', undefined, index.runs.length === 1 ? 'This run' : `${index.runs.length} runs wrote into this folder`);
    runsBox.append(summary);
    index.runs.forEach((run, n) => {
      const dl = el('dl');
      if (index.runs.length > 1) dl.append(el('dt', 'run-no', `run ${n + 1}`), el('dd'));
      for (const [k, v] of Object.entries(run)) dl.append(el('dt', undefined, k), el('dd', undefined, typeof v === 'string' ? v : JSON.stringify(v)));
      runsBox.append(dl);
    });
  } else runsBox.hidden = true;

  // ---- virtual grid: only the cards on screen exist ----
  const gridView = $('gridview');
  const grid = $('grid');
  const CARD_MIN = 270, CARD_H = 352, GAP = 14;
  let cols = 1, cardW = CARD_MIN;
  const live = new Map<string, HTMLElement>();
  const badge = (cls: string, text: string) => el('span', `badge ${cls}`, text);
  const makeCard = (i: number): HTMLElement => {
    const r = rows[i];
    const card = el('a', 'card');
    card.href = `#${encodeURIComponent(r[NAME])}`;
    card.dataset.sample = r[NAME];
    if (r[FILE]) {
      const img = el('img', 'thumb');
      img.loading = 'lazy';
      img.decoding = 'async';
      img.alt = `${r[SPLIT]} sample ${r[INDEX]}`;
      img.src = encodeURIComponent(r[FILE]);
      card.append(img);
    } else card.append(el('div', 'thumb nothumb', r[STATUS] === 'failed' ? 'failed' : 'no picture'));
    card.append(el('div', 'id', r[STATUS] === 'failed' ? `${r[SPLIT]} #${r[INDEX]}` : `${r[SPLIT]} #${r[INDEX]} · ${r[CANDS]} candidate${r[CANDS] === 1 ? '' : 's'}`));
    card.append(el('div', 'expr', r[EXPR].length ? r[EXPR].join(' | ') : '(no expression)'));
    const counts = el('div', 'counts');
    if (r[STATUS] === 'failed') counts.append(el('span', 'error', r[ERROR] ?? 'failed'));
    else {
      for (const [m, n] of [['✅', r[OK]], ['❌', r[NO]], ['⚠️', r[WARN]]] as const) {
        const c = el('span', 'count');
        c.append(mark(m), ` ${n}`);
        counts.append(c);
      }
      if (r[NONE]) counts.append(el('span', 'count', `no mark ${r[NONE]}`));
    }
    card.append(counts);
    const badges = el('div', 'badges');
    if (r[STATUS] === 'failed') badges.append(badge('bad', 'failed'));
    else badges.append(r[CONSISTENT] ? badge('ok', 'consistent') : badge('bad', 'inconsistent'));
    if (r[REJECTION]) badges.append(badge('rej', 'rejection'));
    if (r[WARNINGS].length) {
      const w = badge('warn', `${r[WARNINGS].length} warning${r[WARNINGS].length === 1 ? '' : 's'}`);
      w.title = r[WARNINGS].join('\n');
      badges.append(w);
    }
    for (const k of r[KINDS]) badges.append(badge('kind', k));
    if (r[SCORE] !== null) badges.append(badge('score', `score ${r[SCORE]}`));
    card.append(badges);
    if (r[WARNINGS].length) card.append(el('div', 'warnline', r[WARNINGS][0]));
    return card;
  };
  const layoutGrid = () => {
    const width = grid.clientWidth || window.innerWidth - 32;
    cols = Math.max(1, Math.floor((width + GAP) / (CARD_MIN + GAP)));
    cardW = (width - (cols - 1) * GAP) / cols;
    grid.style.height = `${Math.ceil(view.length / cols) * (CARD_H + GAP)}px`;
    for (const card of live.values()) card.remove();
    live.clear();
    paintGrid();
  };
  const paintGrid = () => {
    if (gridView.hidden) return;
    const top = grid.getBoundingClientRect().top;
    const rowH = CARD_H + GAP;
    const firstRow = Math.max(0, Math.floor(-top / rowH) - 1);
    const lastRow = Math.floor((window.innerHeight - top) / rowH) + 1;
    const from = firstRow * cols;
    const to = Math.min(view.length, (lastRow + 1) * cols);
    const wanted = new Set<string>();
    for (let p = from; p < to; p++) {
      const i = view[p];
      const name = rows[i][NAME];
      wanted.add(name);
      let card = live.get(name);
      if (!card) {
        card = makeCard(i);
        live.set(name, card);
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
    $('empty').hidden = view.length > 0;
  };
  let frame = 0;
  const schedulePaint = () => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), paintGrid()));
  };
  window.addEventListener('scroll', schedulePaint, { passive: true });
  window.addEventListener('resize', () => (gridView.hidden ? undefined : layoutGrid()));

  // ---- sample view ----
  const sampleView = $('sampleview');
  const details = new Map<string, Detail>();
  const waiting = new Map<string, (d: Detail | null) => void>();
  win.HRV_SAMPLE = (d) => {
    details.set(d.name, d);
    waiting.get(d.name)?.(d);
    waiting.delete(d.name);
  };
  const loadDetail = (name: string): Promise<Detail | null> => {
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
  let cameFromGrid = false;
  let gridScroll = 0;
  const neighbours = (name: string): [string | null, string | null] => {
    const order = view.length && view.some((i) => rows[i][NAME] === name) ? view : rows.map((_, i) => i).sort(byIndex);
    const p = order.findIndex((i) => rows[i][NAME] === name);
    return [p > 0 ? rows[order[p - 1]][NAME] : null, p >= 0 && p < order.length - 1 ? rows[order[p + 1]][NAME] : null];
  };
  const go = (name: string | null) => {
    if (!name) return;
    history.replaceState(null, '', `#${encodeURIComponent(name)}`);
    showSample(name);
  };
  const backToGrid = () => {
    if (cameFromGrid) history.back();
    else {
      const h = gridHash();
      location.hash = h ? `#${h}` : '#';
    }
  };
  const light = (person: number | null) => {
    const box = sampleView.querySelector('.sample');
    if (!box) return;
    box.classList.toggle('lit', person !== null);
    for (const node of box.querySelectorAll<HTMLElement | SVGElement>('[data-person]')) node.classList.toggle('on', person !== null && node.dataset.person === String(person));
    for (const line of box.querySelectorAll<HTMLElement>('.line[data-subjects]')) line.classList.toggle('on', person !== null && line.dataset.subjects!.split(' ').includes(String(person)));
  };
  const VERDICT_WORD: Record<string, string> = { '✅': 'target', '❌': 'not a target', '⚠️': 'sub-condition / reference' };

  const renderReasoning = (d: Detail, into: HTMLElement) => {
    const text = d.reasoning;
    type Seg = { start: number; end: number; person?: number; mark?: string };
    const segs: Seg[] = d.mentions.map((m) => ({ start: m.start, end: m.end, person: m.person }));
    for (const m of text.matchAll(/✅|❌|⚠\uFE0F?/g)) segs.push({ start: m.index!, end: m.index! + m[0].length, mark: m[0] });
    segs.sort((a, b) => a.start - b.start);
    const colorOf = new Map(d.candidates.map((c) => [c.person, c]));
    const subjectsAt = new Map<number, number[]>();
    let lineStart = 0;
    let s = 0;
    for (const raw of text.split('\n')) {
      const start = lineStart, end = start + raw.length;
      lineStart = end + 1;
      const line = el('div', 'line');
      if (/^\s*#/.test(raw)) line.classList.add('head');
      const subjects = new Set<number>();
      for (const l of d.lines) if (l.start < end + 1 && l.end > start) for (const p of l.subjects) subjects.add(p);
      let at = start;
      while (s < segs.length && segs[s].start < end) {
        const seg = segs[s++];
        if (seg.start < at) continue;
        if (seg.start > at) line.append(text.slice(at, seg.start));
        if (seg.mark) line.append(mark(seg.mark));
        else {
          const m = el('span', 'mention', text.slice(seg.start, seg.end));
          const c = colorOf.get(seg.person!);
          m.dataset.person = String(seg.person);
          m.tabIndex = 0;
          if (c) m.style.setProperty('--c', c.textColor);
          m.style.setProperty('--mc', c ? c.color : '#888');
          subjects.add(seg.person!);
          line.append(m);
        }
        at = Math.min(seg.end, end);
      }
      if (at < end) line.append(text.slice(at, end));
      if (!raw.length) line.append('\u00a0');
      if (subjects.size) line.dataset.subjects = [...subjects].join(' ');
      line.dataset.start = String(start);
      subjectsAt.set(start, [...subjects]);
      into.append(line);
    }
    into.addEventListener('mouseover', (e) => {
      const m = (e.target as HTMLElement).closest<HTMLElement>('.mention');
      if (m) light(Number(m.dataset.person));
    });
    into.addEventListener('mouseout', (e) => {
      if ((e.target as HTMLElement).closest('.mention')) light(null);
    });
    into.addEventListener('focusin', (e) => {
      const m = (e.target as HTMLElement).closest<HTMLElement>('.mention');
      if (m) light(Number(m.dataset.person));
    });
    into.addEventListener('focusout', () => light(null));
  };

  const renderFigure = (d: Detail, into: HTMLElement, reasoning: HTMLElement) => {
    const { width: W, height: H } = d.image;
    const fig = el('div', 'figure');
    if (d.image.file) {
      const img = el('img', 'photo');
      img.alt = 'the sample photo';
      img.src = d.image.file.split('/').map(encodeURIComponent).join('/');
      img.width = W;
      img.height = H;
      fig.append(img);
    } else {
      const blank = el('div', 'photo blank');
      blank.style.aspectRatio = `${W} / ${H}`;
      blank.style.width = `${W}px`;
      fig.append(blank);
    }
    const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', class: 'overlay' });
    const fs = Math.max(11, Math.round(Math.max(W, H) / 48));
    const area = (c: Candidate) => Math.abs((c.box[2] - c.box[0]) * (c.box[3] - c.box[1]));
    const frames = svgEl('g', {});
    const labels = svgEl('g', {});
    // Larger boxes first, so a small box inside a large one stays reachable by the pointer.
    for (const c of [...d.candidates].sort((a, b) => area(b) - area(a))) {
      const [x0, y0, x1, y1] = c.box;
      const g = svgEl('g', { class: 'box', 'data-person': c.person, tabindex: 0 });
      g.style.setProperty('--bc', c.color);
      const title = svgEl('title', {});
      title.textContent = `Person ${c.person}: ${c.verdict ? VERDICT_WORD[c.verdict] : 'no mark'}${c.target ? ' · ground-truth target' : ''}`;
      g.append(title, svgEl('rect', { class: 'frame', x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) }));
      // Labels sit in a layer above every frame, so no other box's border crosses a number.
      const tagW = fs * (0.9 + 0.62 * String(c.person).length);
      const tx = Math.max(0, Math.min(W - tagW, Math.min(x0, x1)));
      const ty = Math.max(0, Math.min(H - fs * 1.3, Math.min(y0, y1)));
      const tag = svgEl('g', { class: 'label', 'data-person': c.person });
      tag.style.setProperty('--bc', c.color);
      const text = svgEl('text', { x: tx + fs * 0.45, y: ty + fs * 1.0, 'font-size': fs });
      text.textContent = String(c.person);
      // A colour that had to be darkened for text on white is light: black reads better on its tag.
      text.style.fill = c.textColor === c.color ? '#fff' : '#000';
      tag.append(svgEl('rect', { class: 'tag', x: tx, y: ty, width: tagW, height: fs * 1.3 }), text);
      const scrollToFirstLine = () => {
        const first = reasoning.querySelector<HTMLElement>(`.mention[data-person="${c.person}"]`)?.closest<HTMLElement>('.line') ?? [...reasoning.querySelectorAll<HTMLElement>('.line[data-subjects]')].find((l) => l.dataset.subjects!.split(' ').includes(String(c.person)));
        if (!first) return;
        first.scrollIntoView({ block: 'center' });
        first.classList.remove('flash');
        void first.offsetWidth;
        first.classList.add('flash');
      };
      for (const node of [g, tag]) {
        node.addEventListener('mouseenter', () => light(c.person));
        node.addEventListener('mouseleave', () => light(null));
        node.addEventListener('click', scrollToFirstLine);
      }
      g.addEventListener('focus', () => light(c.person));
      g.addEventListener('blur', () => light(null));
      g.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key === 'Enter') scrollToFirstLine();
      });
      frames.append(g);
      labels.append(tag);
    }
    svg.append(frames, labels);
    for (const p of d.predicted ?? []) {
      const [x0, y0, x1, y1] = p.box;
      const g = svgEl('g', { class: 'pred' });
      (g as SVGElement).style.setProperty('--pc', p.color ?? '#1f6feb');
      g.append(svgEl('rect', { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) }));
      if (p.label) {
        const t = svgEl('text', { x: Math.min(x0, x1) + 4, y: Math.max(y0, y1) - 6, 'font-size': fs });
        t.textContent = p.label;
        g.append(t);
      }
      svg.append(g);
    }
    fig.append(svg);
    into.append(fig);
  };

  const showSample = (name: string) => {
    current = name;
    gridView.hidden = true;
    sampleView.hidden = false;
    sampleView.replaceChildren();
    const i = byName.get(name);
    const bar = el('div', 'bar');
    const back = el('button', 'back', '← grid (Esc)');
    back.addEventListener('click', backToGrid);
    bar.append(back);
    if (i === undefined) {
      sampleView.append(bar, el('p', 'fatal', `No sample named "${name}" in this folder.`));
      return;
    }
    const r = rows[i];
    const [prev, next] = neighbours(name);
    const prevB = el('button', 'prev', '‹ previous (k, ←)');
    const nextB = el('button', 'next', 'next (j, →) ›');
    prevB.disabled = !prev;
    nextB.disabled = !next;
    prevB.addEventListener('click', () => go(prev));
    nextB.addEventListener('click', () => go(next));
    bar.append(prevB, nextB, el('span', 'sid', `${r[SPLIT]} #${r[INDEX]}`));
    if (r[FILE]) {
      const a = el('a', 'png', 'static picture');
      a.href = encodeURIComponent(r[FILE]);
      bar.append(a);
    }
    if (r[KEY]) bar.append(el('span', 'key', `image key ${r[KEY]}`));
    const box = el('div', 'sample');
    box.dataset.sample = name;
    const head = el('div', 'shead');
    for (const e of r[EXPR].length ? r[EXPR] : ['(no expression)']) head.append(el('h2', 'sexpr', e));
    const facts = el('div', 'counts');
    if (r[STATUS] === 'failed') facts.append(badge('bad', 'failed'));
    else {
      facts.append(el('span', 'count', `${r[CANDS]} candidates`));
      for (const [m, n] of [['✅', r[OK]], ['❌', r[NO]], ['⚠️', r[WARN]]] as const) {
        const c = el('span', 'count');
        c.append(mark(m), ` ${n}`);
        facts.append(c);
      }
      facts.append(r[CONSISTENT] ? badge('ok', 'consistent') : badge('bad', 'inconsistent'));
      if (r[REJECTION]) facts.append(badge('rej', 'rejection'));
    }
    for (const k of r[KINDS]) facts.append(badge('kind', k));
    if (r[SCORE] !== null) facts.append(badge('score', `score ${r[SCORE]}`));
    head.append(facts);
    if (r[ERROR]) head.append(el('pre', 'error', r[ERROR]));
    if (r[WARNINGS].length) {
      const ul = el('ul', 'warnings');
      for (const w of r[WARNINGS]) ul.append(el('li', undefined, w));
      head.append(ul);
    }
    box.append(head);
    sampleView.append(bar, box);
    window.scrollTo(0, 0);
    if (!r[HAS_DETAIL]) return;
    const body = el('div', 'sbody');
    box.append(body);
    body.append(el('p', 'loading', 'loading…'));
    void loadDetail(name).then((d) => {
      if (current !== name) return;
      body.replaceChildren();
      if (!d) {
        body.append(el('p', 'fatal', `viewer-data/${name}.js did not load.`));
        return;
      }
      const left = el('div', 'left');
      const reasoning = el('div', 'reasoning');
      renderFigure(d, left, reasoning);
      const targets = el('div', 'targets');
      for (const rm of d.regionMap) targets.append(el('div', undefined, `“${rm.expression}” → ${rm.targets.length ? rm.targets.map((t) => `Person ${t}`).join(', ') : 'nobody (rejection)'}`));
      targets.append(el('div', undefined, `reasoning's ✅: ${d.cotTargets.length ? d.cotTargets.map((t) => `Person ${t}`).join(', ') : 'nobody'}`));
      for (const node of targets.querySelectorAll('div')) {
        // The ✅ in that sentence is drawn like every other mark.
        const t = node.textContent ?? '';
        const at = t.indexOf('✅');
        if (at >= 0) node.replaceChildren(t.slice(0, at), mark('✅'), t.slice(at + 1));
      }
      left.append(targets);
      renderReasoning(d, reasoning);
      body.append(left, reasoning);
      root.dataset.loaded = name;
    });
  };

  const showGrid = () => {
    current = null;
    cameFromGrid = false;
    sampleView.hidden = true;
    sampleView.replaceChildren();
    gridView.hidden = false;
    state = stateFromHash(location.hash);
    syncControls();
    computeView();
    countEl.textContent = `${view.length} of ${rows.length}`;
    root.dataset.shown = String(view.length);
    layoutGrid();
    window.scrollTo(0, gridScroll);
    paintGrid();
  };
  const route = () => {
    const hash = location.hash;
    if (isSampleHash(hash)) {
      if (!gridView.hidden) {
        gridScroll = window.scrollY;
        cameFromGrid = true;
      }
      showSample(decodeURIComponent(hash.slice(1)));
    } else showGrid();
  };
  window.addEventListener('hashchange', route);
  document.addEventListener('keydown', (e) => {
    if (sampleView.hidden || e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.target as HTMLElement;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) return;
    if (!current) return;
    const [prev, next] = neighbours(current);
    if (e.key === 'ArrowRight' || e.key === 'j') go(next);
    else if (e.key === 'ArrowLeft' || e.key === 'k') go(prev);
    else if (e.key === 'Escape') backToGrid();
    else return;
    e.preventDefault();
  });

  // The first view: a sample named in the hash opens directly; the grid's filters come from the hash too.
  if (isSampleHash(location.hash)) {
    state = defaults();
    computeView();
    syncControls();
    showSample(decodeURIComponent(location.hash.slice(1)));
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
