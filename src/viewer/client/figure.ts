/// <reference lib="dom" />
// The photo with every candidate box over it (SVG, in the photo's own pixels), the model's boxes dashed, and the
// persons' number tags above all of them.
import { el, svgEl } from './dom.js';
import type { Light } from './reasoning.js';
import type { Candidate, Detail } from './types.js';

const VERDICT_WORD: Record<string, string> = { '✅': 'target', '❌': 'not a target', '⚠️': 'sub-condition / reference' };

/** The noun the reasoning names candidates with; detail files of earlier releases carry none. */
export const nounOf = (d: Detail) => d.noun ?? 'Person';

/** The photo's path in the folder, each part URL-encoded. */
export const photoUrl = (file: string) => file.split('/').map(encodeURIComponent).join('/');

function photo(d: Detail): HTMLElement {
  const { width: W, height: H } = d.image;
  if (d.image.file) {
    const img = el('img', 'photo');
    img.alt = 'the sample photo';
    img.src = photoUrl(d.image.file);
    img.width = W;
    img.height = H;
    return img;
  }
  const blank = el('div', 'photo blank');
  blank.style.aspectRatio = `${W} / ${H}`;
  blank.style.width = `${W}px`;
  return blank;
}

/** The tag's font size for an image of this size. */
export const tagFontSize = (W: number, H: number) => Math.max(11, Math.round(Math.max(W, H) / 48));

/** A box's outline as a path, not a rect (an SVG rect of width or height 0 draws nothing, a zero-size box must still show as a line). */
export function boxPath(box: readonly number[]): string {
  const [x0, y0, x1, y1] = box;
  const [left, top, w, h] = [Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0)];
  return `M${left} ${top}h${w}v${h}h${-w}z`;
}

export const boxArea = (b: readonly number[]) => Math.abs((b[2] - b[0]) * (b[3] - b[1]));

/** A box's frame, titled with the candidate and its mark. */
export function frame(c: Candidate, noun: string): SVGElement {
  const g = svgEl('g', { class: 'box', 'data-person': c.person, tabindex: 0 });
  g.style.setProperty('--bc', c.color);
  const title = svgEl('title', {});
  title.textContent = `${noun} ${c.person}: ${c.verdict ? VERDICT_WORD[c.verdict] : 'no mark'}${c.target ? ' · ground-truth target' : ''}`;
  g.append(title, svgEl('path', { class: 'frame', d: boxPath(c.box) }));
  return g;
}

/** The person's number on a tag at the box's corner, kept inside the image. */
export function tag(c: Candidate, W: number, H: number, fs: number): SVGElement {
  const [x0, y0, x1, y1] = c.box;
  const tagW = fs * (0.9 + 0.62 * String(c.person).length);
  const tx = Math.max(0, Math.min(W - tagW, Math.min(x0, x1)));
  const ty = Math.max(0, Math.min(H - fs * 1.3, Math.min(y0, y1)));
  const node = svgEl('g', { class: 'label', 'data-person': c.person });
  node.style.setProperty('--bc', c.color);
  const text = svgEl('text', { x: tx + fs * 0.45, y: ty + fs * 1.0, 'font-size': fs });
  text.textContent = String(c.person);
  // A colour that had to be darkened for text on white is light: black reads better on its tag.
  text.style.fill = c.textColor === c.color ? '#fff' : '#000';
  node.append(svgEl('rect', { class: 'tag', x: tx, y: ty, width: tagW, height: fs * 1.3 }), text);
  return node;
}

function scrollToFirstLine(reasoning: HTMLElement, person: number): void {
  const first = reasoning.querySelector<HTMLElement>(`.mention[data-person="${person}"]`)?.closest<HTMLElement>('.line') ?? [...reasoning.querySelectorAll<HTMLElement>('.line[data-subjects]')].find((l) => l.dataset.subjects!.split(' ').includes(String(person)));
  if (!first) return;
  first.scrollIntoView({ block: 'center' });
  first.classList.remove('flash');
  void first.offsetWidth;
  first.classList.add('flash');
}

function linkBox(g: SVGElement, label: SVGElement, person: number, reasoning: HTMLElement, light: Light): void {
  for (const node of [g, label]) {
    node.addEventListener('mouseenter', () => light(person));
    node.addEventListener('mouseleave', () => light(null));
    node.addEventListener('click', () => scrollToFirstLine(reasoning, person));
  }
  g.addEventListener('focus', () => light(person));
  g.addEventListener('blur', () => light(null));
  g.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter') scrollToFirstLine(reasoning, person);
  });
}

function predictedBoxes(d: Detail, fs: number): SVGElement {
  const preds = svgEl('g', {});
  for (const p of d.predicted ?? []) {
    const [x0, y0, x1, y1] = p.box;
    const g = svgEl('g', { class: 'pred' });
    g.style.setProperty('--pc', p.color ?? '#1f6feb');
    g.append(svgEl('rect', { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) }));
    if (p.label) {
      const t = svgEl('text', { x: Math.min(x0, x1) + 4, y: Math.max(y0, y1) - 6, 'font-size': fs });
      t.textContent = p.label;
      g.append(t);
    }
    preds.append(g);
  }
  return preds;
}

/** Larger boxes first, so a small box inside a large one stays reachable by the pointer. */
export const largestFirst = (cs: Candidate[]) => [...cs].sort((a, b) => boxArea(b.box) - boxArea(a.box));

export function renderFigure(d: Detail, into: HTMLElement, reasoning: HTMLElement, light: Light): void {
  const { width: W, height: H } = d.image;
  const fig = el('div', 'figure');
  fig.append(photo(d));
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', class: 'overlay' });
  const fs = tagFontSize(W, H);
  const frames = svgEl('g', {});
  const labels = svgEl('g', {});
  for (const c of largestFirst(d.candidates)) {
    const g = frame(c, nounOf(d));
    // Labels sit in a layer above every frame, so no other box's border crosses a number.
    const label = tag(c, W, H, fs);
    linkBox(g, label, c.person, reasoning, light);
    frames.append(g);
    labels.append(label);
  }
  // The model's boxes go between the frames and the labels: no dashed side crosses a number either.
  svg.append(frames, predictedBoxes(d, fs), labels);
  fig.append(svg);
  into.append(fig);
}
