/// <reference lib="dom" />
// Element helpers of the page's script: text goes in as text (textContent, attributes), never as HTML.
import type { Entry } from './types.js';

const MARK_CLASS: Record<string, string> = { '✅': 'mk-ok', '❌': 'mk-no', '⚠️': 'mk-warn', '⚠': 'mk-warn' };

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function svgEl(tag: string, attrs: Record<string, string | number>): SVGElement {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** ✅ ❌ ⚠️ as a drawn mark (page.ts styles `.mk-*`), never as a character. */
export function mark(m: string): HTMLElement {
  const node = el('span', `mk ${MARK_CLASS[m] ?? ''}`);
  node.setAttribute('role', 'img');
  node.setAttribute('aria-label', m);
  return node;
}

export const badge = (cls: string, text: string): HTMLElement => el('span', `badge ${cls}`, text);

/** Whether the reasoning's ✅ set equals the targets. */
export const consistencyBadge = (e: Entry): HTMLElement => (e.consistent ? badge('ok', 'consistent') : badge('bad', 'inconsistent'));

/** The ✅ ❌ ⚠️ of a finished sample's counts, each drawn, with its number. */
export function counts(into: HTMLElement, e: Entry): void {
  for (const [m, n] of [['✅', e.ok], ['❌', e.no], ['⚠️', e.warn]] as const) {
    const c = el('span', 'count');
    c.append(mark(m), ` ${n}`);
    into.append(c);
  }
}

export const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
