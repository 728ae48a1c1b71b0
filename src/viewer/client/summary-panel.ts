/// <reference lib="dom" />
// The summary panel over the grid: a bar chart per histogram of the samples shown; a click on a bar filters the
// grid to it (and the hash says so), a click on the lit bar takes that filter off again.
import { el, mark } from './dom.js';
import { rangeText } from './hash.js';
import { chartBins, chartCounts, columnsOf, setLengths, totalsOf, type Chart, type ChartCounts, type Columns, type Totals } from './summary.js';
import type { Entry, Range, State } from './types.js';

const same = (a: Range | null, b: Range) => a !== null && a[0] === b[0] && a[1] === b[1];

/** Does `state` filter on exactly this bar? */
function isOn(chart: Chart, bin: Range, s: State): boolean {
  if (chart.field === 'candidates') {
    const on = s.min === bin[0] && s.max === bin[1];
    return chart.kind ? on && s.only.length === 1 && s.only[0] === chart.kind : on && !s.only.some((k) => k === 'inconsistent' || k === 'warned');
  }
  return same(s[chart.field], bin);
}

/** The state after a click on a bar: its filter on, or off when it was on. */
export function afterClick(chart: Chart, bin: Range, s: State): State {
  const on = isOn(chart, bin, s);
  if (chart.field !== 'candidates') return { ...s, [chart.field]: on ? null : bin };
  const next = { ...s, min: on ? null : bin[0], max: on ? null : bin[1] };
  if (chart.kind) next.only = on ? s.only.filter((k) => k !== chart.kind) : [chart.kind];
  return next;
}

/** A chart title with its ✅ ❌ ⚠️ drawn, never as characters. */
function titled(text: string): HTMLElement {
  const node = el('div', 'htitle');
  for (const part of text.split(/(✅|❌|⚠️)/)) if (part) node.append(/^(✅|❌|⚠️)$/.test(part) ? mark(part) : part);
  return node;
}

export class SummaryPanel {
  private bins: Map<string, Range[]>;
  private readonly cols: Columns;
  private readonly charts = el('div', 'charts');
  private readonly totals = el('div', 'totals');
  private readonly caption = el('summary', undefined, 'summary');
  private lengthsIn = false;
  private drawn: ChartCounts[] = [];

  constructor(private readonly box: HTMLDetailsElement, private readonly entries: Entry[], kindsOf: string[][], pick: (s: State) => void, private readonly state: () => State) {
    this.cols = columnsOf(entries, kindsOf);
    this.bins = chartBins(this.cols);
    box.append(this.caption, this.totals, this.charts);
    this.charts.addEventListener('click', (e) => {
      const bar = (e.target as HTMLElement).closest<HTMLElement>('.hbar');
      if (!bar) return;
      const chart = this.drawn.find((c) => c.chart.id === bar.dataset.chart)!.chart;
      pick(afterClick(chart, [Number(bar.dataset.lo), Number(bar.dataset.hi)], this.state()));
    });
  }

  /** Reasoning lengths arrived (with the search text): the length chart gets its bins. */
  setLengths(lengths: Map<string, number>): void {
    this.lengthsIn = true;
    setLengths(this.cols, this.entries, lengths);
    this.bins = chartBins(this.cols);
  }

  /** Redraws the charts over the samples at `view` (closed, it costs nothing until opened). */
  update(view: number[]): void {
    if (!this.box.open) return void (this.box.dataset.stale = '1');
    delete this.box.dataset.stale;
    const t0 = performance.now();
    this.drawn = chartCounts(this.cols, view, this.bins);
    this.showTotals(totalsOf(this.cols, view));
    this.charts.replaceChildren(...this.drawn.map((c) => this.chart(c)));
    this.box.dataset.ms = (performance.now() - t0).toFixed(1);
  }

  private showTotals(t: Totals): void {
    this.caption.textContent = `summary of the ${t.shown} samples shown`;
    this.totals.replaceChildren();
    for (const [m, n] of [['✅', t.ok], ['❌', t.no], ['⚠️', t.warn]] as const) {
      const c = el('span', 'count');
      c.append(mark(m), ` ${n}`);
      this.totals.append(c);
    }
    this.totals.append(el('span', 'count', `${t.inconsistent} inconsistent · ${t.warned} warned · ${t.failed} failed`));
  }

  private chart({ chart, bins, counts }: ChartCounts): HTMLElement {
    const node = el('div', 'hist');
    node.dataset.chart = chart.id;
    node.append(titled(chart.title));
    const top = Math.max(1, ...counts);
    node.firstChild!.appendChild(el('span', 'hmax', `max ${top}`));
    const bars = el('div', 'hbars');
    const s = this.state();
    bins.forEach((bin, b) => {
      const bar = el('button', 'hbar');
      bar.type = 'button';
      Object.assign(bar.dataset, { chart: chart.id, lo: String(bin[0]), hi: String(bin[1]), count: String(counts[b]) });
      bar.title = `${rangeText(bin)} ${chart.unit}: ${counts[b]} sample${counts[b] === 1 ? '' : 's'}`;
      bar.setAttribute('aria-label', bar.title);
      if (isOn(chart, bin, s)) bar.classList.add('on');
      const fill = el('span', 'hfill');
      // A bar of 1 sample among thousands must still be seen.
      fill.style.height = counts[b] ? `max(2px, ${(100 * counts[b]) / top}%)` : '0';
      bar.append(fill);
      bars.append(bar);
    });
    if (!bins.length) bars.append(el('span', 'hnone', chart.field === 'len' && !this.lengthsIn ? 'loading the reasoning…' : 'no samples'));
    node.append(bars);
    if (bins.length) {
      const axis = el('div', 'haxis');
      axis.append(el('span', undefined, String(bins[0][0])), el('span', undefined, String(bins[bins.length - 1][1])));
      node.append(axis);
    }
    return node;
  }
}
