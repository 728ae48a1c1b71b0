// --to sft: one JSONL of `messages` + `images` records (the shape LLaMA-Factory's sharegpt loader and ms-swift both read),
// each image written once, as stored, under images/; dataset_info.json registers the file with LLaMA-Factory.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DataError, OutputError } from '../errors.js';
import type { ResizeLimits } from '../geometry/smart-resize.js';
import { createAtomicStream, describeWriteError, writeFileAtomic, type AtomicStream } from '../fs/atomic-write.js';
import { outputStem } from '../outputs/output-names.js';
import { assistantTurn, evalPrompt, modelSizeOf, taskOfSample, THINK_PROMPT } from './compose.js';
import type { ExportItem, FormatWriter, Placement } from './format.js';
import { TOY_SOURCE } from '../sources/toy.js';

export const SFT_FILE = 'sft.jsonl';
export const SFT_IMAGES_DIR = 'images';
export const LLAMA_FACTORY_INFO = 'dataset_info.json';
/** The dataset's name in dataset_info.json (LLaMA-Factory's --dataset). */
export const SFT_DATASET_NAME = 'humanref_cot_sft';

const EXTENSIONS = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif' } as const;

export interface SftRecord {
  messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
  images: string[];
}

export interface SftOptions {
  limits: ResizeLimits;
  /** Image paths in the JSONL: relative to the output folder (LLaMA-Factory's dataset_dir), or absolute. */
  absolutePaths: boolean;
}

/** The training record of one sample: eval.py's system prompt and user prompt, the reasoning and upstream's answer. */
export function sftRecord(item: Pick<ExportItem, 'sample' | 'cot' | 'header'>, limits: ResizeLimits, imagePath: string): SftRecord {
  const { sample } = item;
  // A record with an empty <think></think> would teach the model to answer without reasoning, against the very
  // system prompt it is given; upstream's SFT data has no record without one.
  if (sample.annotation.think.trim() === '') {
    const custom = sample.annotation.extra.source === TOY_SOURCE;
    throw new DataError(
      'no-reasoning',
      { file: sample.files?.annotationsTsv ?? sample.split, index: sample.index, offset: sample.annOffset },
      custom ? 'a custom GRPO row has no reasoning, and an SFT record needs one (it would teach an empty <think></think>)' : 'the sample\'s `think` is empty, and an SFT record needs reasoning (it would teach an empty <think></think>)',
      custom ? 'Export these rows --to grpo, which trains without reasoning' : 'Drop this sample (the viewer\'s review) or fix its reasoning',
    );
  }
  const task = taskOfSample(sample.annotation, item.cot, item.header);
  const model = modelSizeOf(task, limits);
  return {
    messages: [
      { role: 'system', content: THINK_PROMPT },
      // eval.py sends the image before the text; `<image>` marks where it goes for both trainers.
      { role: 'user', content: `<image>${evalPrompt(task, model)}` },
      { role: 'assistant', content: assistantTurn(sample.annotation.think, task, model) },
    ],
    images: [imagePath],
  };
}

/** LLaMA-Factory's registration of the JSONL (ms-swift reads the JSONL as it is). */
export function llamaFactoryInfo(): string {
  const entry = {
    file_name: SFT_FILE,
    formatting: 'sharegpt',
    columns: { messages: 'messages', images: 'images' },
    tags: { role_tag: 'role', content_tag: 'content', user_tag: 'user', assistant_tag: 'assistant', system_tag: 'system' },
  };
  return JSON.stringify({ [SFT_DATASET_NAME]: entry }, null, 2) + '\n';
}

export class SftWriter implements FormatWriter<{ line: string; image: string }> {
  private readonly jsonl: AtomicStream;
  /** Image file per source photo: samples of one photo share its file. */
  private readonly images = new Map<string, Promise<string>>();
  private readonly imagesReady: Promise<void>;
  private lines = 0;

  constructor(
    private readonly dir: string,
    private readonly options: SftOptions,
  ) {
    this.jsonl = createAtomicStream(dir, SFT_FILE);
    this.imagesReady = mkdir(path.join(dir, SFT_IMAGES_DIR), { recursive: true }).then(
      () => undefined,
      (error: unknown) => {
        throw new OutputError(describeWriteError(error, path.join(dir, SFT_IMAGES_DIR), '--output-dir'));
      },
    );
    this.imagesReady.catch(() => undefined);
  }

  private imageFile(item: ExportItem): Promise<string> {
    // Samples share a photo by its image line (custom GRPO rows, which would share it by file, are refused above).
    const key = `${item.source.paths.name}:${item.sample.imgOffset}`;
    let file = this.images.get(key);
    if (!file) {
      const name = `${SFT_IMAGES_DIR}/${outputStem(item.source.paths.name)}_${String(item.sample.index).padStart(6, '0')}.${EXTENSIONS[item.sample.imageFormat]}`;
      file = this.imagesReady.then(() => writeFileAtomic(path.join(this.dir, SFT_IMAGES_DIR), path.basename(name), item.sample.image)).then(() => name);
      this.images.set(key, file);
    }
    return file;
  }

  async prepare(item: ExportItem): Promise<{ line: string; image: string }> {
    // Composed first: a sample whose record cannot be made writes no image.
    const probe = sftRecord(item, this.options.limits, '');
    const image = await this.imageFile(item);
    probe.images = [this.options.absolutePaths ? path.resolve(this.dir, image) : image];
    return { line: `${JSON.stringify(probe)}\n`, image };
  }

  async append({ line, image }: { line: string; image: string }): Promise<Placement> {
    await this.jsonl.write(line);
    return { to_file: SFT_FILE, to_line: this.lines++, image };
  }

  async commit(): Promise<string[]> {
    await this.jsonl.commit();
    await writeFileAtomic(this.dir, LLAMA_FACTORY_INFO, llamaFactoryInfo());
    return [SFT_FILE, LLAMA_FACTORY_INFO, `${SFT_IMAGES_DIR}/ (${new Set(this.images.keys()).size} images)`];
  }

  abort(): Promise<void> {
    return this.jsonl.abort();
  }
}
