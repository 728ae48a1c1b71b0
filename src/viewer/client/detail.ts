/// <reference lib="dom" />
// The sample view's body: the photo with every candidate box over it (SVG), and the reasoning as text whose
// `Person N` mentions are linked to their boxes both ways.
import type { Candidate, Detail, Dom } from './types.js';

export function viewerDetailView(dom: Dom) {
  const { el, svgEl, mark } = dom;
  const VERDICT_WORD: Record<string, string> = { '✅': 'target', '❌': 'not a target', '⚠️': 'sub-condition / reference' };
  let light: (person: number | null) => void = () => undefined;

  const renderReasoning = (d: Detail, into: HTMLElement) => {
    const text = d.reasoning;
    type Seg = { start: number; end: number; person?: number; mark?: string };
    const segs: Seg[] = d.mentions.map((m) => ({ start: m.start, end: m.end, person: m.person }));
    for (const m of text.matchAll(/✅|❌|⚠\uFE0F?/g)) segs.push({ start: m.index!, end: m.index! + m[0].length, mark: m[0] });
    segs.sort((a, b) => a.start - b.start);
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
      // A path, not a rect: an SVG rect of width or height 0 draws nothing, a zero-size box must still show as a line.
      const [left, top, w, h] = [Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0)];
      g.append(title, svgEl('path', { class: 'frame', d: `M${left} ${top}h${w}v${h}h${-w}z` }));
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
    // The model's boxes go between the frames and the labels: no dashed side crosses a number either.
    const preds = svgEl('g', {});
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
      preds.append(g);
    }
    svg.append(frames, preds, labels);
    fig.append(svg);
    into.append(fig);
  };

  /** Fills `body` with the figure, the targets and the reasoning of `d`; `scope` is what hover lights and dims. */
  const render = (d: Detail, body: HTMLElement, scope: HTMLElement) => {
    light = (person) => {
      scope.classList.toggle('lit', person !== null);
      for (const node of scope.querySelectorAll<HTMLElement | SVGElement>('[data-person]')) node.classList.toggle('on', person !== null && node.dataset.person === String(person));
      for (const line of scope.querySelectorAll<HTMLElement>('.line[data-subjects]')) line.classList.toggle('on', person !== null && line.dataset.subjects!.split(' ').includes(String(person)));
    };
    const left = el('div', 'left');
    const reasoning = el('div', 'reasoning');
    renderFigure(d, left, reasoning);
    const targets = el('div', 'targets');
    const people = (list: number[], none: string) => (list.length ? list.map((t) => `Person ${t}`).join(', ') : none);
    for (const rm of d.regionMap) targets.append(el('div', undefined, `“${rm.expression}” → ${people(rm.targets, 'nobody (rejection)')}`));
    const cot = el('div');
    // The ✅ in this sentence is drawn like every other mark.
    cot.append("reasoning's ", mark('✅'), `: ${people(d.cotTargets, 'nobody')}`);
    targets.append(cot);
    left.append(targets);
    renderReasoning(d, reasoning);
    body.append(left, reasoning);
  };
  return { render };
}
