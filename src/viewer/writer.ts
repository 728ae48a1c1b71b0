// Writes the offline viewer: index.html, its grid index, the search text, and per-sample data and photos.
import { OutputError } from '../errors.js';
import { existsSync } from 'node:fs';
import { lstat, mkdir } from 'node:fs/promises';
import { readImageFile } from '../dataset/image-file.js';
import path from 'node:path';
import { candidateColor, readableOnWhite } from '../render/index.js';
import { createAtomicStream, removeStaleTempFiles, writeFileAtomic, type AtomicStream } from '../fs/atomic-write.js';
import { DATA_DIR, detailScript, IMAGE_EXTENSIONS, INDEX_FILE, indexScript, TEXT_FILE, TEXT_PREFIX, textLine, viewerRow } from './data-files.js';
import { EarlierText, readEarlierIndex, type EarlierIndex } from './earlier-viewer.js';
import { COLUMNS, rowArray, SAFE_NAME, type ViewerRow } from './index-schema.js';
import { withoutRotation } from './exif.js';
import { viewerHtml } from './page.js';
import type { ViewerDetail, ViewerEntry, ViewerOptions, ViewerRunInfo } from './types.js';

export const DEFAULT_TITLE = 'HumanRef-CoT samples';
/** Samples whose detail files may be in flight at once. */
const MAX_PENDING = 8;
/** What an entry name may be; callers that check a name before handing an entry over take it from here. */
export { SAFE_NAME };

/** Streams a viewer: `add` each sample (any order, concurrently if you like), then `commit` writes the page. */
export class ViewerWriter {
  private readonly rows = new Map<string, ViewerRow>();

  private constructor(
    private readonly dir: string,
    private readonly options: ViewerOptions,
    private readonly text: AtomicStream,
    private readonly previous: EarlierIndex | null,
    private readonly previousText: EarlierText | null,
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
    // The earlier files are read (or set aside) before anything is written, as the manifest and run.json are.
    const warn = options.onWarning ?? (() => undefined);
    const merge = options.merge !== false;
    const previous = merge ? await readEarlierIndex(dir, warn) : null;
    const previousText = merge ? await EarlierText.open(dir, warn) : null;
    const text = createAtomicStream(dir, TEXT_FILE);
    try {
      await text.write(`${TEXT_PREFIX}\n`);
    } catch (error) {
      await text.abort();
      throw error;
    }
    return new ViewerWriter(dir, options, text, previous, previousText);
  }

  /**
   * Records one sample and starts writing its detail script and photo (a later entry of the same name replaces
   * it). Returns once the writes are under way; at most MAX_PENDING samples are in flight, and a failed write is
   * thrown by a later `add` or by `commit`.
   */
  async add(entry: ViewerEntry): Promise<void> {
    // The name becomes file names in viewer-data/: ours are `<split>_<index>`, and nothing else may pass.
    if (!SAFE_NAME.test(entry.name)) throw new Error(`viewer entry name ${JSON.stringify(entry.name)} is not a plain file name ([A-Za-z0-9._-], not ., .. or __proto__)`);
    if (this.failure) throw this.failure;
    // The run number is fixed at commit (after the earlier runs); -1 marks "this run" until then.
    this.rows.set(entry.name, viewerRow(entry, -1));
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
      const image = entry.image;
      const bytes = 'bytes' in image ? image.bytes : 'path' in image ? await readImageFile(image.path) : await image.load();
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
    const previous = this.previous;
    const runs: ViewerRunInfo[] = [...(previous?.runs ?? [])];
    const thisRun = runs.length;
    runs.push(this.options.run ?? {});
    const entries: ViewerRow[] = [];
    const kept = new Set<string>();
    // The earlier rows passed the schema when they were read (earlier-viewer.ts).
    for (const row of previous?.rows ?? []) {
      if (this.rows.has(row.name)) continue;
      // An earlier picture that is gone (deleted, or renamed by the user) is dropped; failed samples have none.
      if (row.file !== null && !existsSync(path.join(this.dir, row.file))) continue;
      kept.add(row.name);
      entries.push(row);
    }
    for (const row of this.rows.values()) entries.push({ ...row, run: thisRun });
    if (this.previousText) for await (const line of this.previousText.keptLines(kept)) await this.text.write(line);
    await this.text.write('};\n');
    const title = this.options.title ?? previous?.title ?? DEFAULT_TITLE;
    await this.text.commit();
    await writeFileAtomic(this.dir, INDEX_FILE, indexScript({ version: 1, title, columns: COLUMNS, runs, entries: entries.map(rowArray) }));
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
