// One split opened for random access: the lineidx cached in memory, both TSVs held open for positional reads.
import { DataError } from '../errors.js';
import type { AnnotationRecord, Sample, SplitPaths } from '../types.js';
import { MAX_IMAGE_PIXELS } from '../formats.js';
import { parseAnnotationLine } from './annotation.js';
import { checkImageSize, parseImageLine } from './image-line.js';
import { ioError, openDataFile } from './lfs.js';
import { parseLineidx, scanLineStarts, type ParsedLineidx } from './lineidx.js';
import { DEFAULT_MAX_LINE_BYTES, readKnownLine, readLineAt, withoutBom, type LineSource } from './read-line.js';

export interface DatasetOptions {
  /** Called for problems that do not stop reading, such as a missing .lineidx. */
  onWarning?: (message: string) => void;
  /** Longest line accepted, in bytes (default 256 MiB): a guard against allocating a corrupt file's worth. */
  maxLineBytes?: number;
  /** Largest image accepted, in pixels (default MAX_IMAGE_PIXELS, as the renderer): a header claiming more is a decompression bomb or corrupt. */
  maxImagePixels?: number;
}

type OpenFile = Omit<LineSource, 'index'>;

export class Dataset {
  private constructor(
    readonly paths: SplitPaths,
    private readonly annotations: OpenFile,
    private readonly images: OpenFile,
    private readonly offsets: Float64Array,
    /** Lineidx entries that cannot be used, each failing only its own sample. */
    private readonly badEntries: ReadonlyMap<number, DataError>,
    private readonly maxLineBytes: number,
    private readonly maxImagePixels: number,
  ) {}

  /** Opens both TSVs and loads (or builds) the annotations line index; throws DataError for unusable files. */
  static async open(paths: SplitPaths, options: DatasetOptions = {}): Promise<Dataset> {
    const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    const maxImagePixels = options.maxImagePixels ?? MAX_IMAGE_PIXELS;
    const ann = await openDataFile(paths.annotationsTsv);
    let img: { handle: OpenFile['handle']; size: number } | undefined;
    try {
      img = await openDataFile(paths.imagesTsv);
      const { offsets, bad } = await loadOffsets(paths, ann, options);
      if (bad.size > 0) {
        const first = [...bad.keys()].slice(0, 5).join(', ');
        options.onWarning?.(
          `${paths.annotationsLineidx}: ${bad.size} of ${offsets.length} entries are not usable (sample${bad.size === 1 ? '' : 's'} ${first}${bad.size > 5 ? ', ...' : ''}); only those samples fail. Rebuild it with \`humanref-vis index ${paths.annotationsTsv}\``,
        );
      }
      return new Dataset(
        paths,
        { handle: ann.handle, file: paths.annotationsTsv, size: ann.size },
        { handle: img.handle, file: paths.imagesTsv, size: img.size },
        offsets,
        bad,
        maxLineBytes,
        maxImagePixels,
      );
    } catch (error) {
      await ann.handle.close();
      await img?.handle.close();
      throw error;
    }
  }

  /** Number of samples: lines of the annotations .lineidx. */
  get length(): number {
    return this.offsets.length;
  }

  /** Byte offset of sample `index`'s line in the annotations TSV. */
  annOffset(index: number): number {
    this.checkIndex(index);
    const bad = this.badEntries.get(index);
    if (bad) throw bad;
    return this.offsets[index];
  }

  /** Reads and type-checks the annotation line of one sample (one positional read). */
  async readAnnotation(index: number): Promise<AnnotationRecord> {
    const annOffset = this.annOffset(index);
    // The next usable offset is where this line should end; readKnownLine checks it and reads on when it is wrong.
    let end = this.annotations.size;
    for (let next = index + 1; next < this.offsets.length; next++) {
      if (!Number.isNaN(this.offsets[next])) {
        end = this.offsets[next];
        break;
      }
    }
    const line = withoutBom(await readKnownLine({ ...this.annotations, index }, annOffset, end, this.maxLineBytes), annOffset);
    const { imgOffset, annotation } = parseAnnotationLine(line, { file: this.annotations.file, index, offset: annOffset });
    const files = { annotationsTsv: this.annotations.file, imagesTsv: this.images.file };
    return { split: this.paths.name, index, annOffset, imgOffset, annotation, files };
  }

  /** Reads a whole sample: the annotation, then its image line, decoded from base64, sniffed and its header's size checked. */
  async readSample(index: number): Promise<Sample> {
    const record = await this.readAnnotation(index);
    const line = withoutBom(await readLineAt({ ...this.images, index }, record.imgOffset, this.maxLineBytes), record.imgOffset);
    const where = { file: this.images.file, index, offset: record.imgOffset };
    const { key, image, format } = parseImageLine(line, where);
    checkImageSize(image, where, this.maxImagePixels);
    return { ...record, imageKey: key, image, imageFormat: format };
  }

  async close(): Promise<void> {
    await Promise.all([this.annotations.handle.close(), this.images.handle.close()]);
  }

  private checkIndex(index: number): void {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.offsets.length) {
      const range = this.offsets.length === 0 ? 'there are no samples' : `valid: 0 to ${this.offsets.length - 1}`;
      throw new DataError('index-out-of-range', { file: this.paths.annotationsTsv, index }, `sample ${index} does not exist (${range})`, 'Pick an index in range');
    }
  }
}

/** Reads the .lineidx, or scans the annotations TSV when there is none (and says how to save the result). */
async function loadOffsets(paths: SplitPaths, ann: { handle: OpenFile['handle']; size: number }, options: DatasetOptions): Promise<ParsedLineidx> {
  if (paths.annotationsLineidx === null) {
    const started = performance.now();
    const offsets = await scanLineStarts(ann.handle, ann.size);
    const ms = Math.round(performance.now() - started);
    options.onWarning?.(
      `${paths.annotationsTsv}: no .lineidx file, so the line index was built in memory (${offsets.length} line${offsets.length === 1 ? '' : 's'}, ${ms} ms). ` +
        `Save it for next time with: humanref-vis index ${paths.annotationsTsv}`,
    );
    return { offsets, bad: new Map() };
  }
  const file = paths.annotationsLineidx;
  // Through openDataFile: a pipe or a device (--ann-lineidx /dev/zero) is refused instead of read without end.
  const { handle, size } = await openDataFile(file);
  try {
    const bytes = Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const { bytesRead } = await handle.read(bytes, done, size - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return parseLineidx(bytes.subarray(0, done), file, ann.size);
  } catch (error) {
    throw ioError(file, error);
  } finally {
    await handle.close();
  }
}
