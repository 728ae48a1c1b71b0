// The eval command as a library call: read, score, write metrics.json / metrics.md / samples.jsonl, draw the selected pictures.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataError, oneLine, UsageError } from '../errors.js';
import { sniffImageFormat } from '../dataset/image-header.js';
import { OutputError, prepareOutputDir, writeFileAtomic } from '../outputs/atomic-write.js';
import { runPool } from '../plumbing/pool.js';
import { Progress } from '../plumbing/progress.js';
import { exitCodeForSignal, type RunIo } from '../plumbing/run-io.js';
import type { OutputFormat, SampleSource } from '../plumbing/seams.js';
import type { ImageFormat } from '../types.js';
import { readDatasetGroundTruth, resolveSplitKeys } from './dataset-gt.js';
import { evaluate, type Evaluation } from './evaluate.js';
import type { LineProblem } from './jsonl.js';
import { metricsDocument } from './metrics-file.js';
import type { EvalPictureInput, EvalPictureOptions } from './picture.js';
import { readGroundTruth } from './read-gt.js';
import { readPredictions, type PredReadResult } from './read-pred.js';
import { sampleRecord } from './records.js';
import { selectForPictures, type EvalSelection } from './select.js';
import { comparisonMarkdown } from './table.js';
import { sampleView, type ParseCot } from './view.js';
import { evalViewerEntry, type EvalViewerEntry } from './viewer-entry.js';

export type EvalGroundTruth = { kind: 'jsonl'; file: string; imagesDir: string | null } | { kind: 'dataset'; sources: readonly SampleSource[] };

export interface EvalOptions {
  outputDir: string;
  groundTruth: EvalGroundTruth;
  models: { name: string; file: string }[];
  selection: EvalSelection;
  /** False: metrics only (--no-pictures). */
  pictures: boolean;
  format: OutputFormat;
  fast: boolean;
  concurrency: number;
  json: boolean;
  quiet: boolean;
}

export interface EvalDeps {
  parseCot: ParseCot;
  /** Loaded only when there is a picture to draw (fonts and canvas are not free). */
  renderPicture: () => Promise<(input: EvalPictureInput, options: EvalPictureOptions) => Promise<{ data: Buffer; source: { width: number; height: number } }>>;
  /** Hands the pictures to the offline viewer (src/viewer's writeViewer), when there is one. */
  writeViewer?: (outputDir: string, entries: EvalViewerEntry[]) => Promise<unknown>;
}

/** Lists at most this many bad lines on stderr; the count is always given. */
const MAX_LISTED = 50;

/** Picture file name: position and model name, so every (sample, model) pair has its own file. */
export function pictureName(position: number, model: string, format: OutputFormat): string {
  const ext = format === 'jpeg' ? 'jpg' : format;
  return `eval_${String(position).padStart(6, '0')}_${safeName(model)}.${ext}`;
}

export function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}

function asUsageError(error: unknown): never {
  throw error instanceof OutputError ? new UsageError(error.message) : error;
}

async function readInputs(options: EvalOptions, io: RunIo) {
  const gt = options.groundTruth;
  const truth = gt.kind === 'jsonl' ? await readGroundTruth(gt.file) : await readDatasetGroundTruth(gt.sources, io.signal);
  const splits = gt.kind === 'dataset' ? gt.sources.map((s) => s.paths.name) : [];
  const preds: PredReadResult[] = [];
  for (const m of options.models) {
    const read = await readPredictions(m.file, gt.kind === 'jsonl' ? 'id' : 'index');
    preds.push(gt.kind === 'dataset' ? resolveSplitKeys(read, splits) : read);
  }
  return { truth, preds };
}

function reportProblems(io: RunIo, problems: readonly LineProblem[]): void {
  for (const p of problems.slice(0, MAX_LISTED)) io.stderr.write(`humanref-vis: ${p.message}\n`);
  if (problems.length > MAX_LISTED) io.stderr.write(`humanref-vis: ... and ${problems.length - MAX_LISTED} more bad lines\n`);
}

async function loadImage(options: EvalOptions, ev: Evaluation, position: number): Promise<{ bytes: Buffer; format: ImageFormat; file: string }> {
  const gt = ev.samples[position].gt;
  const source = options.groundTruth;
  if (source.kind === 'dataset') {
    const split = source.sources.find((s) => s.paths.name === gt.dataset?.split);
    if (!split || !gt.dataset) throw new DataError('io', { file: gt.file }, 'the sample has no split to read its image from', 'This is a bug; please report it');
    const sample = await split.readSample(gt.dataset.index);
    return { bytes: sample.image, format: sample.imageFormat, file: split.paths.imagesTsv };
  }
  if (!source.imagesDir) throw new DataError('missing-file', { file: gt.file }, 'no --images folder', 'Give --images <folder holding the image_name files>');
  if (!gt.imageName) throw new DataError('wrong-type', { file: gt.file }, `line ${gt.line} has no "image_name"`, 'Add image_name to the line');
  const file = path.join(source.imagesDir, gt.imageName);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataError(code === 'ENOENT' ? 'missing-file' : 'io', { file }, code === 'ENOENT' ? 'no such image' : `cannot read the image (${code ?? (error as Error).message})`, 'Check --images and the image_name of this sample');
  }
  const format = sniffImageFormat(bytes);
  if (!format) throw new DataError('not-an-image', { file }, 'the file is not a JPEG, PNG, WebP or GIF image', 'Check --images and the image_name of this sample');
  return { bytes, format, file };
}

export async function runEval(options: EvalOptions, deps: EvalDeps, io: RunIo): Promise<number> {
  await prepareOutputDir(options.outputDir).catch(asUsageError);
  const { truth, preds } = await readInputs(options, io);
  const badLines = [...truth.problems, ...preds.flatMap((p) => p.problems)];
  reportProblems(io, badLines);
  if (truth.samples.length === 0) {
    throw new DataError('empty-file', { file: options.groundTruth.kind === 'jsonl' ? options.groundTruth.file : 'the ground truth' }, 'no usable ground-truth sample', 'Check the file (see the messages above)');
  }
  const last = truth.samples.length - 1;
  const outside = options.pictures ? (options.selection.indices ?? []).filter((i) => i > last) : [];
  if (outside.length) throw new UsageError(`--indices ${outside.slice(0, 3).join(', ')}${outside.length > 3 ? ', ...' : ''}: the ground truth has positions 0 to ${last}`);
  const names = options.models.map((m) => m.name);
  const ev = evaluate(truth.samples, preds.map((p, i) => ({ name: names[i], byKey: p.byKey })));

  const doc = metricsDocument(options, truth, preds, ev);
  const markdown = comparisonMarkdown(ev.metrics);
  await writeFileAtomic(options.outputDir, 'metrics.json', `${JSON.stringify(doc, null, 2)}\n`).catch(asUsageError);
  await writeFileAtomic(options.outputDir, 'metrics.md', markdown).catch(asUsageError);
  (options.json ? io.stderr : io.stdout).write(`${markdown}\n`);

  // Pictures for the selected samples, one per model.
  const selected = options.pictures ? selectForPictures(ev.samples, options.selection) : { positions: [], notes: [] };
  for (const note of selected.notes) io.stderr.write(`humanref-vis: ${note}\n`);
  const pictures = new Map<number, Map<string, { file: string | null; error: string | null }>>();
  const jobs = selected.positions.flatMap((position) => names.map((name, m) => ({ position, name, m })));
  let failed = 0;
  let drawn = 0;
  let writeError: OutputError | undefined;
  const viewerEntries: EvalViewerEntry[] = [];
  if (jobs.length > 0 && !io.signal?.aborted) {
    const render = await deps.renderPicture();
    const progress = new Progress(io.stderr, jobs.length, 'drawing', { quiet: options.quiet });
    try {
      await runPool(
        jobs,
        async ({ position, name, m }) => {
          const slot = pictures.get(position) ?? new Map();
          pictures.set(position, slot);
          const s = ev.samples[position];
          const view = sampleView(s.gt, name, s.models[m], deps.parseCot);
          try {
            const image = await loadImage(options, ev, position);
            const out = await render({ ...view, image: image.bytes, imageFormat: image.format, imageFile: image.file }, { format: options.format, fast: options.fast });
            const file = pictureName(position, name, options.format);
            await writeFileAtomic(options.outputDir, file, out.data);
            slot.set(name, { file, error: null });
            if (deps.writeViewer) viewerEntries.push(evalViewerEntry(view, { file, error: null }, out.source));
            drawn++;
            progress.tick(true);
          } catch (error) {
            if (error instanceof OutputError) throw error;
            if (!(error instanceof DataError)) throw error;
            failed++;
            slot.set(name, { file: null, error: error.message });
            if (deps.writeViewer) viewerEntries.push(evalViewerEntry(view, { file: null, error: error.message }, null));
            io.stderr.write(`humanref-vis: picture of sample ${position} (${oneLine(String(ev.samples[position].gt.id))}), model ${name}: ${error.message}\n`);
            progress.tick(false);
          }
        },
        { concurrency: options.concurrency, shouldStop: () => Boolean(io.signal?.aborted) },
      );
    } catch (error) {
      if (!(error instanceof OutputError)) throw error;
      writeError = error;
    } finally {
      progress.finish();
    }
  }

  // Every sample's record: samples.jsonl always, stdout with --json.
  const lines = ev.samples.map((s) => JSON.stringify(sampleRecord(s, names, pictures.get(s.gt.position))));
  await writeFileAtomic(options.outputDir, 'samples.jsonl', lines.length ? `${lines.join('\n')}\n` : '').catch((error: unknown) => {
    if (!(error instanceof OutputError)) throw error;
    writeError ??= error;
  });
  if (options.json && io.signal?.reason !== 'EPIPE') for (const line of lines) io.stdout.write(`${line}\n`);
  if (deps.writeViewer && viewerEntries.length > 0 && !writeError) {
    // In selection order, whatever order the pool finished in.
    const order = new Map(selected.positions.map((p, i) => [p, i]));
    viewerEntries.sort((a, b) => order.get(a.index)! - order.get(b.index)! || names.indexOf(a.split) - names.indexOf(b.split));
    await deps.writeViewer(options.outputDir, viewerEntries).catch((error: unknown) => {
      if (!(error instanceof OutputError)) throw error;
      writeError ??= error;
    });
  }

  const skipped = badLines.length;
  const rejection = ev.samples.filter((s) => s.models[0]?.rejected !== null).length;
  const summary = [
    `${ev.samples.length} samples (${rejection} rejection), ${names.length} model${names.length === 1 ? '' : 's'}; ${skipped} bad line${skipped === 1 ? '' : 's'} skipped; ${drawn} picture${drawn === 1 ? '' : 's'} drawn${failed ? `, ${failed} failed` : ''} -> ${oneLine(options.outputDir)}`,
  ];
  ev.unknownIds.forEach((ids, i) => {
    if (ids.length) summary.push(`  ${names[i]}: ${ids.length} prediction id${ids.length === 1 ? '' : 's'} not in the ground truth (ignored): ${ids.slice(0, 5).map((x) => oneLine(x)).join(', ')}${ids.length > 5 ? ', ...' : ''}`);
  });
  preds.forEach((p, i) => {
    if (p.duplicates.length) summary.push(`  ${names[i]}: ${p.duplicates.length} id${p.duplicates.length === 1 ? '' : 's'} on more than one line (the last line counts, as upstream): ${p.duplicates.slice(0, 5).map((d) => `${oneLine(d.id)} (lines ${d.lines.join(', ')})`).join(', ')}`);
  });
  ev.samples[0]?.models.forEach((_, i) => {
    const missing = ev.samples.filter((s) => !s.models[i].hasPrediction).length;
    if (missing) summary.push(`  ${names[i]}: ${missing} sample${missing === 1 ? '' : 's'} without a prediction line (scored as no box, as upstream)`);
  });
  if (truth.duplicateIds.length) summary.push(`  the ground truth repeats ${truth.duplicateIds.length} id${truth.duplicateIds.length === 1 ? '' : 's'} (each line is scored): ${truth.duplicateIds.slice(0, 5).map((x) => oneLine(x)).join(', ')}`);
  const interrupted = io.signal?.aborted;
  if (!options.quiet || skipped > 0 || failed > 0 || writeError || interrupted) io.stderr.write(`${summary.join('\n')}\n`);
  if (writeError) io.stderr.write(`humanref-vis: ${writeError.message}\n`);
  if (interrupted) return exitCodeForSignal(io.signal?.reason);
  return writeError || skipped > 0 || failed > 0 ? 1 : 0;
}
