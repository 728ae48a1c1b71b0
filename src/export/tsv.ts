// --to tsv: a HumanRef-CoT split again, one per source split under the same file names (humanref_cot.*, humanref_cot_rejection.*),
// each kept sample's annotation and image lines copied byte for byte but for the image offset column, both .lineidx beside them.
import type { FileHandle } from 'node:fs/promises';
import { readLineAt, withoutBom } from '../dataset/read-line.js';
import { openDataFile } from '../dataset/lfs.js';
import { createAtomicStream, type AtomicStream } from '../fs/atomic-write.js';
import { outputStem } from '../outputs/output-names.js';
import type { ExportItem, FormatWriter, Placement } from './format.js';

/** The line length readers accept (dataset/dataset.ts's default). */
const MAX_LINE_BYTES = 256 * 1024 * 1024;
const STANDARD_PREFIX: Record<string, string> = { main: 'humanref_cot', rejection: 'humanref_cot_rejection' };

export interface TsvPrepared {
  item: ExportItem;
  /** The annotation line after its first tab: the JSON, as stored. */
  json: Buffer;
  /** The whole image line, as stored. */
  imageLine: Buffer;
}

/** The file prefix of an exported split: the standard names for main and rejection, the split's stem otherwise. */
export function tsvPrefix(split: string): string {
  return STANDARD_PREFIX[split] ?? outputStem(split);
}

/** One exported split: four streams, the bytes written so far, and the image lines already copied (by source offset). */
class SplitOut {
  lines = 0;
  images = 0;
  annBytes = 0;
  imgBytes = 0;
  readonly imageAt = new Map<number, number>();
  readonly streams: AtomicStream[];
  constructor(
    readonly dir: string,
    readonly prefix: string,
  ) {
    this.streams = [`${prefix}.annotations.tsv`, `${prefix}.annotations.tsv.lineidx`, `${prefix}.images.tsv`, `${prefix}.images.tsv.lineidx`].map((f) => createAtomicStream(dir, f));
  }
  get files(): string[] {
    return [`${this.prefix}.annotations.tsv`, `${this.prefix}.annotations.tsv.lineidx`, `${this.prefix}.images.tsv`, `${this.prefix}.images.tsv.lineidx`];
  }
}

export class TsvWriter implements FormatWriter<TsvPrepared> {
  private readonly handles = new Map<string, Promise<{ handle: FileHandle; size: number }>>();
  private readonly splits = new Map<string, SplitOut>();

  constructor(private readonly dir: string) {}

  private open(file: string): Promise<{ handle: FileHandle; size: number }> {
    let opened = this.handles.get(file);
    if (!opened) {
      opened = openDataFile(file);
      opened.catch(() => undefined);
      this.handles.set(file, opened);
    }
    return opened;
  }

  /** Reads the raw lines again (the sample was read and checked already): the bytes exported are the bytes stored. */
  async prepare(item: ExportItem): Promise<TsvPrepared> {
    const { paths } = item.source;
    const { sample } = item;
    const annLine = await this.rawLine(paths.annotationsTsv, sample.index, sample.annOffset);
    const imageLine = await this.rawLine(paths.imagesTsv, sample.index, sample.imgOffset);
    return { item, json: annLine.subarray(annLine.indexOf(0x09) + 1), imageLine };
  }

  /** The line at `offset` without its newline but with a CR before it, which readers drop and a byte-for-byte copy keeps. */
  private async rawLine(file: string, index: number, offset: number): Promise<Buffer> {
    const opened = await this.open(file);
    const line = await readLineAt({ ...opened, file, index }, offset, MAX_LINE_BYTES);
    const after = Buffer.alloc(1);
    const { bytesRead } = await opened.handle.read(after, 0, 1, offset + line.length);
    // Without a BOM: the line may land anywhere in the exported file, where a BOM would be part of its first column.
    return withoutBom(bytesRead === 1 && after[0] === 0x0d ? Buffer.concat([line, after]) : line, offset);
  }

  async append({ item, json, imageLine }: TsvPrepared): Promise<Placement> {
    const split = item.source.paths.name;
    let out = this.splits.get(split);
    if (!out) {
      out = new SplitOut(this.dir, tsvPrefix(split));
      this.splits.set(split, out);
    }
    const [annTsv, annIdx, imgTsv, imgIdx] = out.streams;
    // Samples sharing an image line in the source share it in the export too.
    let imgOffset = out.imageAt.get(item.sample.imgOffset);
    if (imgOffset === undefined) {
      imgOffset = out.imgBytes;
      await imgIdx.write(`${imgOffset}\n`);
      await imgTsv.write(imageLine);
      await imgTsv.write('\n');
      out.imgBytes += imageLine.length + 1;
      out.images++;
      out.imageAt.set(item.sample.imgOffset, imgOffset);
    }
    const annOffset = out.annBytes;
    const head = `${imgOffset}\t`;
    await annIdx.write(`${annOffset}\n`);
    await annTsv.write(head);
    await annTsv.write(json);
    await annTsv.write('\n');
    out.annBytes += Buffer.byteLength(head) + json.length + 1;
    return { to_file: `${out.prefix}.annotations.tsv`, to_split: split, to_index: out.lines++, to_ann_offset: annOffset, to_img_offset: imgOffset };
  }

  async commit(): Promise<string[]> {
    await this.closeInputs();
    const files: string[] = [];
    for (const out of this.splits.values()) {
      for (const stream of out.streams) await stream.commit();
      files.push(...out.files);
    }
    return files;
  }

  async abort(): Promise<void> {
    await this.closeInputs();
    for (const out of this.splits.values()) for (const stream of out.streams) await stream.abort();
  }

  private async closeInputs(): Promise<void> {
    const opened = await Promise.allSettled(this.handles.values());
    this.handles.clear();
    for (const r of opened) if (r.status === 'fulfilled') await r.value.handle.close().catch(() => undefined);
  }
}
