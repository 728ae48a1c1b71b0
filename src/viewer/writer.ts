// Writes the offline viewer: index.html, its grid index, the search text, and per-sample data and photos.
import { OutputError } from '../errors.js';
import { existsSync } from 'node:fs';
import { lstat, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { candidateColor, readableOnWhite } from '../render/index.js';
import { createAtomicStream, removeStaleTempFiles, writeFileAtomic, type AtomicStream } from '../outputs/atomic-write.js';
import {
  COLUMNS,
  DATA_DIR,
  detailScript,
  IMAGE_EXTENSIONS,
  INDEX_FILE,
  indexRow,
  indexScript,
  readIndexScript,
  readTextLines,
  TEXT_FILE,
  TEXT_PREFIX,
  textLine,
  type IndexRow,
} from './data-files.js';
import { withoutRotation } from './exif.js';
import { viewerHtml } from './page.js';
import type { ViewerDetail, ViewerEntry, ViewerOptions, ViewerRunInfo } from './types.js';

const DEFAULT_TITLE = 'HumanRef-CoT samples';
/** Samples whose detail files may be in flight at once. */
const MAX_PENDING = 8;
/** A plain file name: letters, digits, `._-`, and not `.` or `..`. */
export const SAFE_NAME = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,200}$/;

/** Streams a viewer: `add` each sample (any order, concurrently if you like), then `commit` writes the page. */
export class ViewerWriter {
  private readonly rows = new Map<string, IndexRow>();

  private constructor(
    private readonly dir: string,
    private readonly options: ViewerOptions,
    private readonly text: AtomicStream,
  ) {}

  static async open(dir: string, options: ViewerOptions = {}): Promise<ViewerWriter> {
    // A symlink planted at viewer-data/ would carry every photo and data file out of the output folder.
    const dataDir = path.join(dir, DATA_DIR);
    const existing = await lstat(dataDir).catch(() => null);
    if (existing && !existing.isDirectory()) {
      throw new OutputError(`cannot write ${dataDir}: it is ${existing.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}, and the viewer writes only inside the output folder. Remove it or choose another --output-dir`);
    }
    await mkdir(dataDir, { recursive: true });
    // A run killed hard leaves temp files behind; the output folder itself is swept by prepareOutputDir.
    await removeStaleTempFiles(path.join(dir, DATA_DIR));
    const text = createAtomicStream(dir, TEXT_FILE);
    await text.write(`${TEXT_PREFIX}\n`);
    return new ViewerWriter(dir, options, text);
  }

  /**
   * Records one sample and starts writing its detail script and photo (a later entry of the same name replaces
   * it). Returns once the writes are under way; at most MAX_PENDING samples are in flight, and a failed write is
   * thrown by a later `add` or by `commit`.
   */
  async add(entry: ViewerEntry): Promise<void> {
    // The name becomes file names in viewer-data/: ours are `<split>_<index>`, and nothing else may pass.
    if (!SAFE_NAME.test(entry.name)) throw new Error(`viewer entry name ${JSON.stringify(entry.name)} is not a plain file name ([A-Za-z0-9._-], not . or ..)`);
    if (this.failure) throw this.failure;
    // The run number is fixed at commit (after the earlier runs); -1 marks "this run" until then.
    this.rows.set(entry.name, indexRow(entry, -1));
    if (entry.searchText) await this.text.write(textLine(entry.name, entry.searchText));
    if (!entry.detail) return;
    // The photo is the large part (100s of KB): writing it off the caller's path keeps the run's in-order hand-off quick.
    const write = this.writeDetail(entry, entry.detail).then(
      () => void this.pending.delete(write),
      (error: unknown) => {
        this.pending.delete(write);
        this.failure ??= error;
      },
    );
    this.pending.add(write);
    if (this.pending.size >= MAX_PENDING) await Promise.race(this.pending);
  }

  private readonly pending = new Set<Promise<void>>();
  private failure: unknown;

  private async writeDetail(entry: ViewerEntry, detail: ViewerDetail): Promise<void> {
    const dataDir = path.join(this.dir, DATA_DIR);
    let imageFile: string | null = null;
    if (entry.image) {
      imageFile = `${entry.name}.${IMAGE_EXTENSIONS[entry.image.format] ?? 'img'}`;
      const bytes = 'bytes' in entry.image ? entry.image.bytes : await readFile(entry.image.path);
      await writeFileAtomic(dataDir, imageFile, withoutRotation(bytes, entry.image.format));
    }
    const payload = {
      ...detail,
      image: { ...detail.image, file: imageFile && `${DATA_DIR}/${imageFile}` },
      candidates: detail.candidates.map((c) => {
        const color = c.color ?? candidateColor(c.person, c.verdict);
        return { ...c, color, textColor: /^#[0-9a-f]{6}$/i.test(color) ? readableOnWhite(color) : color };
      }),
    };
    await writeFileAtomic(dataDir, `${entry.name}.js`, detailScript(entry.name, payload));
  }

  /** Merges with the folder's earlier viewer (unless options.merge is false) and writes index and page. */
  async commit(): Promise<string> {
    await Promise.all(this.pending);
    if (this.failure) throw this.failure;
    const previous = this.options.merge === false ? null : await readIndexScript(path.join(this.dir, INDEX_FILE));
    const runs: ViewerRunInfo[] = [...(previous?.runs ?? [])];
    const thisRun = runs.length;
    runs.push(this.options.run ?? {});
    const entries: IndexRow[] = [];
    const kept = new Set<string>();
    for (const row of previous?.entries ?? []) {
      // Rows of an earlier run are ours, but a hand-edited or foreign file must not break the page or the paths.
      if (!Array.isArray(row) || row.length !== COLUMNS.length || typeof row[0] !== 'string' || !SAFE_NAME.test(row[0]) || (row[1] !== null && (typeof row[1] !== 'string' || !SAFE_NAME.test(row[1])))) continue;
      const [name, file] = row;
      if (this.rows.has(name) || kept.has(name)) continue;
      // An earlier picture that is gone (deleted, or renamed by the user) is dropped; failed samples have none.
      if (file !== null && !existsSync(path.join(this.dir, file))) continue;
      kept.add(name);
      entries.push(row);
    }
    for (const row of this.rows.values()) {
      row[17] = thisRun;
      entries.push(row);
    }
    if (previous) {
      for await (const [name, line] of readTextLines(path.join(this.dir, TEXT_FILE))) {
        if (kept.has(name)) await this.text.write(line);
      }
    }
    await this.text.write('};\n');
    const title = this.options.title ?? previous?.title ?? DEFAULT_TITLE;
    await this.text.commit();
    await writeFileAtomic(this.dir, INDEX_FILE, indexScript({ version: 1, title, columns: COLUMNS, runs, entries }));
    return writeFileAtomic(this.dir, 'index.html', viewerHtml(title));
  }

  async abort(): Promise<void> {
    await Promise.all(this.pending);
    await this.text.abort();
  }
}

/** Writes a whole viewer at once: the library call for runs that have all their entries in hand. */
export async function writeViewer(outputDir: string, entries: Iterable<ViewerEntry>, options: ViewerOptions = {}): Promise<string> {
  const writer = await ViewerWriter.open(outputDir, options);
  try {
    for (const entry of entries) await writer.add(entry);
    return await writer.commit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
