// --to grpo: the parquet upstream's GRPO trainer reads, as rexthinker/tools/dataset_tools/convert_dataset.py writes it:
// `images` (the photo as RGB PNG, plain binary), `problem` (`<image>` + hint + question), `answer` (fenced JSON), streamed
// in row groups so memory does not follow the sample count.
import sharp from 'sharp';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { DataError } from '../errors.js';
import type { ResizeLimits } from '../geometry/smart-resize.js';
import { createAtomicStream, type AtomicStream } from '../fs/atomic-write.js';
import { toolInfo } from '../version.js';
import { converterAnswer, converterProblem, modelSizeOf, taskOfSample } from './compose.js';
import type { ExportItem, FormatWriter, Placement } from './format.js';

export const GRPO_FILE = 'grpo.parquet';

/** The schema of upstream's toy_dataset/anno_with_candidates.parquet (pandas -> pyarrow): three nullable byte-array columns. */
type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

export const GRPO_SCHEMA: SchemaElement[] = [
  { name: 'schema', repetition_type: 'REQUIRED', num_children: 3 },
  { name: 'images', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' },
  { name: 'problem', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL', converted_type: 'UTF8', logical_type: { type: 'STRING' } },
  { name: 'answer', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL', converted_type: 'UTF8', logical_type: { type: 'STRING' } },
];

/** A row group is written once it holds this many rows or this many image bytes, whichever comes first. */
const ROW_GROUP_ROWS = 128;
const ROW_GROUP_BYTES = 64 * 1024 * 1024;

export interface GrpoRow {
  images: Uint8Array;
  problem: string;
  answer: string;
}

/** PIL's `Image.open(path).convert("RGB")` saved as PNG: alpha dropped, grey and palette expanded, no EXIF rotation. */
export async function rgbPng(image: Buffer): Promise<Buffer> {
  return sharp(image, { failOn: 'error' }).removeAlpha().toColourspace('srgb').png().toBuffer();
}

export function grpoText(item: Pick<ExportItem, 'sample' | 'cot' | 'header'>, limits: ResizeLimits): { problem: string; answer: string } {
  const task = taskOfSample(item.sample.annotation, item.cot, item.header);
  const model = modelSizeOf(task, limits);
  return { problem: converterProblem(task, model), answer: converterAnswer(task, model) };
}

export class GrpoWriter implements FormatWriter<GrpoRow> {
  private readonly stream: AtomicStream;
  private readonly bytes: ByteWriter & { flush?: () => Promise<void> } = new ByteWriter();
  private readonly parquet: ParquetWriter;
  private pending: GrpoRow[] = [];
  private pendingBytes = 0;
  private rows = 0;

  constructor(
    dir: string,
    private readonly limits: ResizeLimits,
  ) {
    this.stream = createAtomicStream(dir, GRPO_FILE);
    // The writer's buffer goes to the temp file after every row group, then starts over (offsets stay absolute).
    this.bytes.flush = async () => {
      const chunk = new Uint8Array(this.bytes.buffer.slice(0, this.bytes.index));
      this.bytes.index = 0;
      await this.stream.write(chunk);
    };
    this.parquet = new ParquetWriter({ writer: this.bytes, schema: GRPO_SCHEMA, createdBy: `${toolInfo().name} ${toolInfo().version} (hyparquet-writer)` });
  }

  async prepare(item: ExportItem): Promise<GrpoRow> {
    const text = grpoText(item, this.limits);
    let png: Buffer;
    try {
      png = await rgbPng(item.sample.image);
    } catch (error) {
      const where = { file: item.source.paths.imagesTsv, index: item.sample.index, offset: item.sample.imgOffset };
      throw new DataError('image-decode', where, `the image cannot be decoded (${(error as Error).message})`, 'The image is corrupt; skip this sample');
    }
    return { images: png, ...text };
  }

  async append(row: GrpoRow): Promise<Placement> {
    this.pending.push(row);
    this.pendingBytes += row.images.length;
    if (this.pending.length >= ROW_GROUP_ROWS || this.pendingBytes >= ROW_GROUP_BYTES) await this.writeGroup();
    return { to_file: GRPO_FILE, to_row: this.rows++ };
  }

  private async writeGroup(): Promise<void> {
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    await this.parquet.write({
      columnData: [
        { name: 'images', data: rows.map((r) => r.images) },
        { name: 'problem', data: rows.map((r) => r.problem) },
        { name: 'answer', data: rows.map((r) => r.answer) },
      ],
      rowGroupSize: rows.length,
    });
  }

  async commit(): Promise<string[]> {
    await this.writeGroup();
    await this.parquet.finish();
    await this.bytes.flush?.();
    await this.stream.commit();
    return [GRPO_FILE];
  }

  abort(): Promise<void> {
    this.pending = [];
    return this.stream.abort();
  }
}
