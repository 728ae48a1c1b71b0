/// <reference lib="dom" />
// A card's thumbnail: the photo with its boxes (the candidates in their verdict colours, a model's boxes dashed),
// drawn from the sample's detail file; the whole picture shrunk when there is no photo to draw from.
import { el, svgEl } from './dom.js';
import { boxArea, boxPath, photoUrl } from './figure.js';
import type { Detail, Entry } from './types.js';

/** What a card's thumbnail shows, as `data-thumb`: its photo and boxes, the picture file, nothing yet, or no picture. */
export type ThumbState = 'photo' | 'picture' | 'pending' | 'none';

function setState(node: HTMLElement, state: ThumbState): HTMLElement {
  node.dataset.thumb = state;
  return node;
}

/** The picture file shrunk (what the grid showed before it drew photos): for entries without a photo. */
function pictureThumb(e: Entry): HTMLElement {
  if (!e.file) return setState(el('div', 'thumb nothumb', e.status === 'failed' ? 'failed' : 'no picture'), 'none');
  const img = el('img', 'thumb');
  img.loading = 'lazy';
  img.decoding = 'async';
  img.alt = `${e.split} sample ${e.index}`;
  img.src = encodeURIComponent(e.file);
  return setState(img, 'picture');
}

/** The card's first thumbnail: a grey slot for an entry whose photo can be drawn (filled by `fillThumb`), else the picture. */
export function thumbnail(e: Entry): HTMLElement {
  if (e.status !== 'rendered' || !e.hasDetail) return pictureThumb(e);
  const slot = setState(el('div', 'thumb'), 'pending');
  slot.setAttribute('role', 'img');
  slot.setAttribute('aria-label', `${e.split} sample ${e.index}`);
  return slot;
}

/** A box's outline; a path, so a zero-size box still shows as a line (as in the sample view). */
function outline(box: readonly number[], color: string, width: number, dashed: boolean): SVGElement {
  const attrs: Record<string, string | number> = { d: boxPath(box), fill: 'none', stroke: color, 'stroke-width': width, 'vector-effect': 'non-scaling-stroke' };
  if (dashed) attrs['stroke-dasharray'] = '5 3';
  return svgEl('path', attrs);
}

function photoThumb(e: Entry, d: Detail, file: string): SVGElement {
  const { width: W, height: H } = d.image;
  // One SVG in the photo's pixels, scaled to fit: photo and boxes cannot drift apart at any card width.
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'xMidYMid meet', width: '100%', height: '100%' });
  svg.style.display = 'block';
  const image = svgEl('image', { href: photoUrl(file), x: 0, y: 0, width: W, height: H, preserveAspectRatio: 'none' });
  svg.append(image);
  // Larger boxes first, and the ✅ ones last and thicker: the targets stay visible in a crowd.
  const order = [...d.candidates].sort((a, b) => Number(a.verdict === '✅') - Number(b.verdict === '✅') || boxArea(b.box) - boxArea(a.box));
  for (const c of order) svg.append(outline(c.box, c.color, c.verdict === '✅' ? 2.5 : 1.5, false));
  for (const p of d.predicted ?? []) svg.append(outline(p.box, p.color ?? '#1f6feb', 2, true));
  image.addEventListener('error', () => (svg.parentElement ? fallBack(svg.parentElement, e) : undefined), { once: true });
  return svg;
}

/** Puts the picture in place of a slot whose photo cannot be drawn. */
function fallBack(slot: HTMLElement, e: Entry): void {
  slot.replaceWith(pictureThumb(e));
}

/** Fills a pending slot from the entry's detail: its photo and boxes, or the picture when it has no photo (or no detail loaded). */
export function fillThumb(slot: HTMLElement, e: Entry, d: Detail | null): void {
  if (slot.dataset.thumb !== 'pending') return;
  const file = d?.image.file;
  if (!d || !file || !(d.image.width > 0 && d.image.height > 0)) return fallBack(slot, e);
  slot.replaceChildren(photoThumb(e, d, file));
  setState(slot, 'photo');
}
