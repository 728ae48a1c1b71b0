// The viewer files an earlier run left in the folder, read back for the merge. Every field is checked against the
// schema (index-schema.ts): a file that is not ours is set aside whole; a row, run or line that fails is left out
// and the file as it was is kept beside the new one (earlier-file.ts), so the page never loads what it cannot show.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { earlierState, keepCopy, readEarlierFile, setAside } from '../fs/earlier-file.js';
import { INDEX_FILE, keptTextLine, parseIndexScript, TEXT_FILE, TEXT_PREFIX } from './data-files.js';
import { checkColumns, rowFromArray, SAFE_NAME, type ViewerRow } from './index-schema.js';
import { arrayOf, isPlainObject, record, str } from './schema.js';
import type { ViewerRunInfo } from './types.js';

export interface EarlierIndex {
  /** Null when the file's title was not a string. */
  title: string | null;
  runs: ViewerRunInfo[];
  rows: ViewerRow[];
}

const columnsSchema = arrayOf(str({ max: 100 }));
const titleSchema = str({ max: 1000 });

function parseIndex(text: string, drop: (problem: string) => void): EarlierIndex {
  const data = parseIndexScript(text);
  if (!isPlainObject(data) || data.version !== 1) throw new Error('it is not version 1 of the viewer index');
  const columns = data.columns;
  const columnsProblem = columnsSchema.check(columns, 'columns') ?? checkColumns(columns as string[]);
  if (columnsProblem) throw new Error(columnsProblem);
  if (!Array.isArray(data.runs)) throw new Error('runs: expected a list');
  if (!Array.isArray(data.entries)) throw new Error('entries: expected a list');
  const titleProblem = titleSchema.check(data.title, 'title');
  if (titleProblem) drop(titleProblem);
  // A broken run record becomes an empty one, so the rows' run numbers still point at the right runs.
  const runs = data.runs.map((run, i) => {
    const problem = record.check(run, `runs[${i}]`);
    if (problem) drop(problem);
    return problem ? {} : (run as ViewerRunInfo);
  });
  const rows: ViewerRow[] = [];
  const names = new Set<string>();
  data.entries.forEach((value, i) => {
    const row = rowFromArray(value, columns as string[], `entries[${i}]`);
    if (typeof row === 'string') return drop(row);
    if (row.run >= runs.length) return drop(`entries[${i}].run: ${row.run} names no run (there are ${runs.length})`);
    if (names.has(row.name)) return drop(`entries[${i}].name: ${row.name} is listed twice`);
    names.add(row.name);
    rows.push(row);
  });
  return { title: titleProblem ? null : (data.title as string), runs, rows };
}

/** The folder's viewer index before this run, checked; null when there is none or it was set aside. */
export function readEarlierIndex(dir: string, onWarning: (message: string) => void): Promise<EarlierIndex | null> {
  return readEarlierFile<EarlierIndex | null>(
    { dir, name: INDEX_FILE, what: 'a viewer index', parse: parseIndex, empty: null, asideName: (stamp) => `viewer-index.unreadable-${stamp}.js` },
    onWarning,
  );
}

/** The search text is streamed, line by line: this is larger than any HumanRef-CoT folder's (~150 MB). */
const TEXT_MAX_BYTES = 512 * 1024 * 1024;
const textAside = (dir: string) => ({ dir, asideName: (stamp: string) => `viewer-text.unreadable-${stamp}.js` });

/** One line we wrote, `"name":"text",`: its name and text, or null. */
function textEntry(line: string): [string, string] | null {
  if (!line.endsWith(',')) return null;
  let value: unknown;
  try {
    value = JSON.parse(`{${line.slice(0, -1)}}`);
  } catch {
    return null;
  }
  const keys = Object.keys(value as object);
  if (keys.length !== 1 || !SAFE_NAME.test(keys[0])) return null;
  const text = (value as Record<string, unknown>)[keys[0]];
  return typeof text === 'string' ? [keys[0], text] : null;
}

/**
 * The folder's search text before this run. `open` looks at it (before the run writes anything): a file that cannot
 * be read is set aside then. `keptLines` streams the lines of the names kept, each rewritten from its parsed form.
 */
export class EarlierText {
  private constructor(
    private readonly dir: string,
    private present: boolean,
    private readonly onWarning: (message: string) => void,
  ) {}

  static async open(dir: string, onWarning: (message: string) => void): Promise<EarlierText> {
    const file = path.join(dir, TEXT_FILE);
    const state = await earlierState(file, TEXT_MAX_BYTES);
    if (state.kind === 'unusable') {
      const aside = await setAside(file, textAside(dir), state.reason);
      onWarning(`${file} could not be read back as the viewer's search text (${state.reason}); it was kept as ${aside} and a new one started`);
    }
    return new EarlierText(dir, state.kind === 'file', onWarning);
  }

  async *keptLines(keep: ReadonlySet<string>): AsyncGenerator<string> {
    if (!this.present) return;
    const file = path.join(this.dir, TEXT_FILE);
    const dropped: number[] = [];
    const seen = new Set<string>();
    let whole: string | null = null;
    let handle: FileHandle | undefined;
    try {
      // Not following a link swapped in since `open` looked.
      handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
      const input = handle.createReadStream({ encoding: 'utf8' });
      let n = 0;
      for await (const line of createInterface({ input, crlfDelay: Infinity })) {
        n++;
        if (n === 1) {
          if (line !== TEXT_PREFIX) {
            whole = `it does not start with "${TEXT_PREFIX}"`;
            break;
          }
          continue;
        }
        if (line === '};' || line === '') continue;
        const entry = textEntry(line);
        if (!entry) {
          dropped.push(n);
          continue;
        }
        // A name written twice (an entry replaced within a run): one line is enough.
        if (seen.has(entry[0])) continue;
        seen.add(entry[0]);
        if (keep.has(entry[0])) yield keptTextLine(entry[0], entry[1]);
      }
    } catch (error) {
      whole = `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    } finally {
      await handle?.close().catch(() => undefined);
    }
    if (whole !== null) {
      const aside = await setAside(file, textAside(this.dir), whole);
      this.onWarning(`${file} could not be read back as the viewer's search text (${whole}); it was kept as ${aside}`);
    } else if (dropped.length > 0) {
      const copy = await keepCopy(file, textAside(this.dir));
      this.onWarning(`${file}: line ${dropped.slice(0, 5).join(', ')}${dropped.length > 5 ? ' ...' : ''} (${dropped.length} in all) could not be used and ${dropped.length === 1 ? 'was' : 'were'} left out; the file as it was is kept as ${copy}`);
    }
  }
}
