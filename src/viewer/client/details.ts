/// <reference lib="dom" />
// Loads viewer-data/<name>.js on demand through a script tag (file:// pages cannot fetch); each calls HRV_SAMPLE.
import { el } from './dom.js';
import type { Detail } from './types.js';

/** Details kept in memory: enough for a screenful of cards and the samples stepped through, not all 45k. */
const KEEP = 400;

const details = new Map<string, Detail>();
const waiting = new Map<string, ((d: Detail | null) => void)[]>();

(window as unknown as { HRV_SAMPLE?: (detail: Detail) => void }).HRV_SAMPLE = (d) => {
  details.set(d.name, d);
  if (details.size > KEEP) details.delete(details.keys().next().value!);
  for (const resolve of waiting.get(d.name) ?? []) resolve(d);
  waiting.delete(d.name);
};

/** The detail of `name` if it is in memory already. */
export const cachedDetail = (name: string): Detail | undefined => details.get(name);

/** The detail of `name`, or null when its file does not load. */
export function loadDetail(name: string): Promise<Detail | null> {
  const known = details.get(name);
  if (known) return Promise.resolve(known);
  return new Promise((resolve) => {
    const queue = waiting.get(name);
    if (queue) return void queue.push(resolve);
    waiting.set(name, [resolve]);
    const s = el('script');
    s.src = `viewer-data/${encodeURIComponent(name)}.js`;
    s.onerror = () => {
      for (const r of waiting.get(name) ?? []) r(null);
      waiting.delete(name);
      s.remove();
    };
    s.onload = () => s.remove();
    document.head.append(s);
  });
}
