/// <reference lib="dom" />
// Element helpers of the page's script: text goes in as text (textContent, attributes), never as HTML.
import type { Dom } from './types.js';

export function viewerDom(): Dom {
  const MARK_CLASS: Record<string, string> = { '✅': 'mk-ok', '❌': 'mk-no', '⚠️': 'mk-warn', '⚠': 'mk-warn' };
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const mark = (m: string): HTMLElement => {
    const node = el('span', `mk ${MARK_CLASS[m] ?? ''}`);
    node.setAttribute('role', 'img');
    node.setAttribute('aria-label', m);
    return node;
  };
  return {
    el,
    mark,
    svgEl: (tag, attrs) => {
      const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
      return node;
    },
    badge: (cls, text) => el('span', `badge ${cls}`, text),
    counts: (into, e) => {
      for (const [m, n] of [['✅', e.ok], ['❌', e.no], ['⚠️', e.warn]] as const) {
        const c = el('span', 'count');
        c.append(mark(m), ` ${n}`);
        into.append(c);
      }
    },
  };
}
