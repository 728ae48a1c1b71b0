/// <reference lib="dom" />
// Shapes the page's script works with (types only: nothing here exists at run time in the page).
import type { ViewerRow } from '../index-schema.js';
import type { ViewerCandidate, ViewerDetail } from '../types.js';

/** One grid entry, decoded from a row of viewer-index.js by its column names: the row schema (index-schema.ts). */
export type Entry = ViewerRow;

/** A candidate as the writer stores it: with its box colour and a shade of it readable as text on white. */
export type Candidate = ViewerCandidate & { color: string; textColor: string };

/** A viewer-data/<name>.js payload: the entry's detail as writer.ts completes it. */
export interface Detail extends Omit<ViewerDetail, 'image' | 'candidates'> {
  name: string;
  image: ViewerDetail['image'] & { file: string | null };
  candidates: Candidate[];
}

/** The grid's filters, as the URL hash holds them. */
export interface State {
  q: string;
  only: string[];
  split: string;
  sort: string;
  min: number | null;
  max: number | null;
}

export interface Dom {
  el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K];
  svgEl(tag: string, attrs: Record<string, string | number>): SVGElement;
  /** ✅ ❌ ⚠️ as a drawn mark (page.ts styles `.mk-*`), never as a character. */
  mark(m: string): HTMLElement;
  badge(cls: string, text: string): HTMLElement;
  /** The ✅ ❌ ⚠️ of a finished sample's counts, each drawn, with its number. */
  counts(into: HTMLElement, e: Entry): void;
}
