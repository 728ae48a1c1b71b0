/// <reference lib="dom" />
// The reasoning as text lines: `Person N` mentions coloured and focusable, ✅ ❌ ⚠️ drawn, each line tagged with the
// persons it is about.
import { el, mark } from './dom.js';
import type { Detail } from './types.js';

export type Light = (person: number | null) => void;

type Seg = { start: number; end: number; person?: number; mark?: string };

function segmentsOf(d: Detail): Seg[] {
  const segs: Seg[] = d.mentions.map((m) => ({ start: m.start, end: m.end, person: m.person }));
  for (const m of d.reasoning.matchAll(/✅|❌|⚠\uFE0F?/g)) segs.push({ start: m.index!, end: m.index! + m[0].length, mark: m[0] });
  return segs.sort((a, b) => a.start - b.start);
}

function mention(d: Detail, seg: Seg, colorOf: Map<number, Detail['candidates'][number]>): HTMLElement {
  const m = el('span', 'mention', d.reasoning.slice(seg.start, seg.end));
  const c = colorOf.get(seg.person!);
  m.dataset.person = String(seg.person);
  m.tabIndex = 0;
  if (c) m.style.setProperty('--c', c.textColor);
  m.style.setProperty('--mc', c ? c.color : '#888');
  return m;
}

/** Hover and focus on a mention light its person. */
function linkMentions(into: HTMLElement, light: Light): void {
  const personOf = (e: Event) => (e.target as HTMLElement).closest<HTMLElement>('.mention');
  into.addEventListener('mouseover', (e) => {
    const m = personOf(e);
    if (m) light(Number(m.dataset.person));
  });
  into.addEventListener('mouseout', (e) => {
    if (personOf(e)) light(null);
  });
  into.addEventListener('focusin', (e) => {
    const m = personOf(e);
    if (m) light(Number(m.dataset.person));
  });
  into.addEventListener('focusout', () => light(null));
}

export function renderReasoning(d: Detail, into: HTMLElement, light: Light): void {
  const text = d.reasoning;
  const segs = segmentsOf(d);
  const colorOf = new Map(d.candidates.map((c) => [c.person, c]));
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
        line.append(mention(d, seg, colorOf));
        subjects.add(seg.person!);
      }
      at = Math.min(seg.end, end);
    }
    if (at < end) line.append(text.slice(at, end));
    if (!raw.length) line.append('\u00a0');
    if (subjects.size) line.dataset.subjects = [...subjects].join(' ');
    line.dataset.start = String(start);
    into.append(line);
  }
  linkMentions(into, light);
}
