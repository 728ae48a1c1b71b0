/// <reference lib="dom" />
// The review on the page: a mark's badge (cards and sample view), the header's counts with Save / Load review,
// and the note editor. Marks are pictures (inline SVG, page.ts styles `.rv-*`), never emoji.
import { byId, el } from './dom.js';
import { parseReviewFile, reviewFileText, type ReviewStatus } from './review-file.js';
import type { ReviewStore } from './review-store.js';
import type { Entry } from './types.js';

/** The badge of a sample's mark: nothing for an unreviewed sample without a note. */
export function fillReviewBadge(slot: HTMLElement, status: ReviewStatus, note: string, showUnreviewed = false): void {
  slot.replaceChildren();
  if (status !== 'unreviewed' || showUnreviewed) {
    const b = el('span', `rv rv-${status}`);
    b.append(el('span', `rvi rvi-${status}`), status);
    slot.append(b);
  }
  if (note) {
    const n = el('span', 'rv rv-note');
    n.append(el('span', 'rvi rvi-note'), 'note');
    n.title = note;
    slot.append(n);
  }
}

export type ReviewCounts = Record<ReviewStatus, number> & { elsewhere: number };

/** The marks over this folder's samples, and how many marks name samples that are not in it. */
export function reviewCounts(store: ReviewStore, entries: Entry[], byName: Map<string, number>): ReviewCounts {
  const c: ReviewCounts = { accepted: 0, rejected: 0, unreviewed: 0, elsewhere: 0 };
  for (const e of entries) c[store.status(e.name)]++;
  for (const name of store.marks.keys()) if (!byName.has(name)) c.elsewhere++;
  return c;
}

function download(name: string, text: string): void {
  const a = el('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** The header's review box: counts, Save review, Load review, and what the last load or write said. */
export class ReviewBar {
  private readonly counts = el('span', 'rvcounts');
  private readonly msg = el('span', 'rvmsg');

  constructor(private readonly store: ReviewStore, tool: string, box = byId('review')) {
    const save = el('button', undefined, 'Save review');
    save.type = 'button';
    save.dataset.action = 'save-review';
    save.title = 'download review.json: every mark, also of samples not in this folder';
    save.addEventListener('click', () => download('review.json', reviewFileText(tool, store.runs, store.marks)));
    const input = el('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.hidden = true;
    input.dataset.action = 'load-review-file';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.value = '';
      if (file) void file.text().then((text) => this.load(file.name, text));
    });
    const load = el('button', undefined, 'Load review');
    load.type = 'button';
    load.dataset.action = 'load-review';
    load.title = 'merge a review.json into the marks here (the newer mark of a sample wins)';
    load.addEventListener('click', () => input.click());
    this.msg.setAttribute('role', 'status');
    this.counts.dataset.reviewCounts = '';
    box.append(this.counts, save, load, input, this.msg);
  }

  private load(fileName: string, text: string): void {
    let parsed;
    try {
      parsed = parseReviewFile(text);
    } catch (error) {
      this.say(`${fileName} not loaded: ${(error as Error).message}`, true);
      return;
    }
    const changed = this.store.merge(parsed.marks);
    const skipped = parsed.problems.length ? `; ${parsed.problems.length} skipped (${parsed.problems.slice(0, 3).join('; ')}${parsed.problems.length > 3 ? '; …' : ''})` : '';
    this.say(`${fileName}: ${parsed.marks.size} marks read, ${changed} newer than those here${skipped}`, parsed.problems.length > 0);
  }

  private say(text: string, bad: boolean): void {
    this.msg.textContent = text;
    this.msg.classList.toggle('bad-msg', bad);
  }

  show(c: ReviewCounts): void {
    this.counts.textContent = `reviewed: ${c.accepted} accepted · ${c.rejected} rejected · ${c.unreviewed} unreviewed${c.elsewhere ? ` · ${c.elsewhere} marks of samples not in this folder (kept)` : ''}`;
    const root = byId('app');
    if (!this.store.stored) {
      this.say('the browser storage is full: marks since are not kept across reloads. Save review to keep them.', true);
      root.dataset.reviewStorage = 'full';
    } else if (root.dataset.reviewStorage === 'full') {
      root.dataset.reviewStorage = 'ok';
      this.say('', false);
    }
  }
}

/** The note editor (`n`): Enter saves, Shift+Enter is a new line, Escape cancels. */
export class NoteEditor {
  private readonly dialog = el('dialog', 'note-editor');
  private readonly title = el('div', 'note-title');
  private readonly text = el('textarea');
  private name = '';

  constructor(private readonly store: ReviewStore) {
    const form = el('form');
    form.method = 'dialog';
    this.text.rows = 4;
    this.text.setAttribute('aria-label', 'note');
    const save = el('button', undefined, 'save (Enter)');
    save.value = 'save';
    const cancel = el('button', undefined, 'cancel (Esc)');
    cancel.value = 'cancel';
    form.append(this.title, this.text, save, cancel);
    this.dialog.append(form);
    this.text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        this.dialog.close('save');
      }
    });
    this.dialog.addEventListener('close', () => {
      const note = this.text.value.trim();
      if (this.dialog.returnValue === 'save' && note !== this.store.note(this.name)) this.store.set(this.name, { note });
    });
    document.body.append(this.dialog);
  }

  open(name: string): void {
    this.name = name;
    this.title.textContent = `Note on ${name}`;
    this.text.value = this.store.note(name);
    this.dialog.returnValue = '';
    this.dialog.showModal();
    this.text.focus();
  }
}

/** What a review key does to a sample: true when `key` is one. */
export function reviewKey(key: string, name: string, store: ReviewStore, notes: NoteEditor): boolean {
  if (key === 'a') store.set(name, { status: 'accepted' });
  else if (key === 'x') store.set(name, { status: 'rejected' });
  else if (key === 'u') store.set(name, { status: 'unreviewed' });
  else if (key === 'n') notes.open(name);
  else return false;
  return true;
}
