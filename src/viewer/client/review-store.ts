/// <reference lib="dom" />
// The review marks of this folder, kept in the browser's storage across reloads. Every file:// page shares one
// storage, so each folder's marks live under a key made of its run ids; a folder a later run added to (one more
// run id) takes over the marks stored under its earlier ids.
import { mergeMarks, type Mark, type ReviewStatus } from './review-file.js';

const PREFIX = 'humanref-vis review ';
const CODE: Record<ReviewStatus, string> = { accepted: 'a', rejected: 'r', unreviewed: 'u' };
const STATUS: Record<string, ReviewStatus> = { a: 'accepted', r: 'rejected', u: 'unreviewed' };

/** Stored compactly (45k marks must fit the few MB an origin gets): name -> [status code, time in base 36, note]. */
type Stored = { v: 1; runs: string[]; marks: Record<string, [string, string, string]> };

function decode(text: string | null): Stored | null {
  if (!text) return null;
  try {
    const s = JSON.parse(text) as Stored;
    return s && s.v === 1 && typeof s.marks === 'object' && Array.isArray(s.runs) ? s : null;
  } catch {
    return null;
  }
}

function marksOf(s: Stored): Map<string, Mark> {
  const out = new Map<string, Mark>();
  for (const [name, [code, at, note]] of Object.entries(s.marks)) {
    const status = STATUS[code];
    const ms = parseInt(at, 36);
    if (status && Number.isFinite(ms)) out.set(name, { status, note: note ?? '', at: ms });
  }
  return out;
}

export class ReviewStore {
  readonly marks = new Map<string, Mark>();
  /** False when the last write did not fit the browser's storage: the marks since live only in this page. */
  stored = true;
  /** Changes whenever a mark does (the filters' cache key). */
  version = 0;
  private readonly key: string;
  private readonly listeners: ((names: string[]) => void)[] = [];

  constructor(readonly runs: string[]) {
    // Without run ids (a viewer written by the library without run info) the page's own path is all there is.
    this.key = PREFIX + (runs.length ? runs.join(' ') : `path:${location.pathname}`);
    this.restore();
    window.addEventListener('storage', (e) => {
      const s = e.key === this.key ? decode(e.newValue) : null;
      if (s) this.merge(marksOf(s), false);
    });
  }

  /** This folder's stored marks, and those stored under any earlier set of its run ids (then moved here). */
  private restore(): void {
    const own = decode(localStorage.getItem(this.key));
    if (own) mergeMarks(this.marks, marksOf(own));
    if (!this.runs.length) return;
    const older: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      if (k === this.key || !k.startsWith(PREFIX)) continue;
      const s = decode(localStorage.getItem(k));
      if (s && s.runs.some((r) => this.runs.includes(r))) {
        mergeMarks(this.marks, marksOf(s));
        older.push(k);
      }
    }
    // The earlier copies go only once the marks are safely under this folder's key.
    if (older.length && this.persist()) for (const k of older) localStorage.removeItem(k);
  }

  private persist(): boolean {
    const s: Stored = { v: 1, runs: this.runs, marks: {} };
    for (const [name, m] of this.marks) s.marks[name] = [CODE[m.status], m.at.toString(36), m.note];
    try {
      localStorage.setItem(this.key, JSON.stringify(s));
      this.stored = true;
    } catch {
      // QuotaExceededError (other folders' reviews share this storage) or storage switched off.
      this.stored = false;
    }
    return this.stored;
  }

  onChange(listener: (names: string[]) => void): void {
    this.listeners.push(listener);
  }

  private changed(names: string[]): void {
    this.version++;
    for (const l of this.listeners) l(names);
  }

  status(name: string): ReviewStatus {
    return this.marks.get(name)?.status ?? 'unreviewed';
  }

  note(name: string): string {
    return this.marks.get(name)?.note ?? '';
  }

  /** Sets a sample's status and/or note (the other part stays), stamped now. */
  set(name: string, change: { status?: ReviewStatus; note?: string }): void {
    const have = this.marks.get(name);
    // Never earlier than the mark it replaces, so "newest wins" keeps it even if the clock stepped back.
    const at = Math.max(Date.now(), (have?.at ?? 0) + 1);
    this.marks.set(name, { status: change.status ?? have?.status ?? 'unreviewed', note: change.note ?? have?.note ?? '', at });
    this.persist();
    this.changed([name]);
  }

  /** Merges marks read from a file or another tab, newest winning; returns how many changed. */
  merge(incoming: Map<string, Mark>, write = true): number {
    const names = [...incoming.keys()].filter((n) => !this.marks.has(n) || this.marks.get(n)!.at < incoming.get(n)!.at);
    const n = mergeMarks(this.marks, incoming);
    if (n && write) this.persist();
    if (n) this.changed(names);
    return n;
  }
}
