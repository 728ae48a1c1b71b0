// The pictures of an eval: one per selected sample and model, drawn in a pool (on the main thread or in the drawing
// threads), written atomically; failures are reported, not fatal.
import { DataError, OutputError, oneLine, type DataLocation } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { runPool } from '../plumbing/pool.js';
import { Progress } from '../plumbing/progress.js';
import type { RunIo } from '../plumbing/run-io.js';
import { checkTraceLength, startRenderPool } from '../render/index.js';
import { evalPictureName, evalPictureStem } from '../outputs/output-names.js';
import type { Evaluation } from './evaluate.js';
import type { EvalDeps, EvalOptions } from './options.js';
import type { EvalPicture, EvalPictureInput, EvalPictureOptions } from './picture.js';
import { loadImage } from './images.js';
import { unpackBoxes } from './packed-boxes.js';
import { sampleView } from './view.js';
import { evalViewerEntry, type EvalViewerEntry } from './viewer-entry.js';

/** A sample to draw: its position in the ground truth and the id part of its pictures' names (outputs/output-names). */
export interface PictureSample {
  position: number;
  stem: string;
}

/** Draws one eval picture; `close` ends the drawing threads behind it, if any. */
export type PictureRenderer = ((input: EvalPictureInput, options: EvalPictureOptions) => Promise<{ data: Buffer; source: { width: number; height: number } }>) & {
  close?: () => Promise<void>;
};

/**
 * Refuses a response (and, with HumanRef-CoT ground truth, a dataset reasoning) too long to draw, before it is
 * cloned into a thread's bounded heap. Returns where the sample is and how messages name it (a JSONL line has no
 * sample index).
 */
export function checkEvalTraces(input: Pick<EvalPictureInput, 'gt' | 'result'>): { where: DataLocation; what: string } {
  const { gt } = input;
  const where: DataLocation = gt.dataset ? { file: gt.file, index: gt.dataset.index } : { file: gt.file };
  const what = gt.dataset ? 'this sample' : `the sample of line ${gt.line}`;
  checkTraceLength(input.result.rawResponse, `the model's response to ${what}`, where);
  if (gt.dataset) checkTraceLength(gt.dataset.think, 'the reasoning', where);
  return { where, what };
}

/** eval/picture.ts's renderEvalPicture, as a drawing thread calls it. */
const EVAL_PICTURE = { module: new URL('./picture.js', import.meta.url).href, name: 'renderEvalPicture' };

/**
 * eval/picture.ts's renderEvalPicture on the main thread (workers 0), or in that many drawing threads, loaded on
 * demand (canvas and fonts are not free). Either way a response too long to draw is refused first, so --workers
 * never changes which pictures fail.
 */
export async function loadPictureRenderer(threads: { workers: number; concurrency: number }): Promise<PictureRenderer> {
  if (threads.workers === 0) {
    const { renderEvalPicture } = await import('./picture.js');
    return (input, options) => {
      checkEvalTraces(input);
      return renderEvalPicture(input, options);
    };
  }
  const pool = await startRenderPool(threads);
  const inThread = (input: EvalPictureInput, options: EvalPictureOptions) => {
    const { where, what } = checkEvalTraces(input);
    // The ground truth's packed boxes as plain arrays: a structured clone cannot take the proxy.
    const gt = { ...input.gt, candidates: unpackBoxes(input.gt.candidates), answers: unpackBoxes(input.gt.answers) };
    return pool.drawComposition<EvalPictureInput, EvalPicture>(EVAL_PICTURE, { ...input, gt }, options, where, what);
  };
  return Object.assign(inThread, { close: () => pool.close() });
}

export interface PictureOutcome {
  file: string | null;
  error: string | null;
}

export interface Drawing {
  /** position -> model name -> its picture or why it failed. */
  pictures: Map<number, Map<string, PictureOutcome>>;
  /** Collected only when the run has a viewer to hand them to. */
  viewerEntries: EvalViewerEntry[];
  drawn: number;
  failed: number;
  /** The output folder stopped taking files: the pool stopped. */
  writeError?: OutputError;
}

export async function drawPictures(options: EvalOptions, deps: EvalDeps, ev: Pick<Evaluation, 'samples'>, picks: readonly PictureSample[], io: RunIo): Promise<Drawing> {
  const names = options.models.map((m) => m.name);
  const result: Drawing = { pictures: new Map(), viewerEntries: [], drawn: 0, failed: 0 };
  const jobs = picks.flatMap(({ position, stem }) => names.map((name, m) => ({ position, name, m, stem })));
  if (jobs.length === 0 || io.signal?.aborted) return result;
  const render: PictureRenderer = await deps.renderPicture();
  const progress = new Progress(io.stderr, jobs.length, 'drawing', { quiet: options.quiet });
  // Each photo is read once for all the models drawn on it, and let go when the last of them has it.
  const photos = new Map<number, { image: ReturnType<typeof loadImage>; waiting: number }>();
  const photoOf = (position: number) => {
    let slot = photos.get(position);
    if (!slot) photos.set(position, (slot = { image: loadImage(options, ev, position), waiting: names.length }));
    if (--slot.waiting === 0) photos.delete(position);
    return slot.image;
  };
  const record = (position: number, name: string, outcome: PictureOutcome) => {
    const slot = result.pictures.get(position) ?? new Map<string, PictureOutcome>();
    result.pictures.set(position, slot);
    slot.set(name, outcome);
  };
  try {
    await runPool(
      jobs,
      async ({ position, name, m, stem }) => {
        const s = ev.samples[position];
        const view = sampleView(s.gt, name, s.models[m], deps.parseCot);
        const photo = photoOf(position);
        try {
          const image = await photo;
          const out = await render({ ...view, image: image.bytes, imageFormat: image.format, imageFile: image.shown }, { format: options.format, fast: options.fast });
          const file = evalPictureName(stem, name, options.format);
          await writeFileAtomic(options.outputDir, file, out.data);
          record(position, name, { file, error: null });
          // A photo from --images is copied by path; one inside an images TSV is read again by offset when the viewer is written.
          const stored = options.groundTruth.kind === 'jsonl' ? { path: image.file, format: image.format } : { load: async () => (await loadImage(options, ev, position)).bytes, format: image.format };
          if (deps.writeViewer) result.viewerEntries.push(evalViewerEntry(view, { name: evalPictureStem(stem, name), file, error: null }, out.source, stored));
          result.drawn++;
          progress.tick(true);
        } catch (error) {
          if (!(error instanceof DataError)) throw error;
          result.failed++;
          record(position, name, { file: null, error: error.message });
          if (deps.writeViewer) result.viewerEntries.push(evalViewerEntry(view, { name: evalPictureStem(stem, name), file: null, error: error.message }, null));
          io.stderr.write(`humanref-vis: picture of sample ${position} (${oneLine(String(s.gt.id))}), model ${name}: ${error.message}\n`);
          progress.tick(false);
        }
      },
      { concurrency: options.concurrency, shouldStop: () => Boolean(io.signal?.aborted) },
    );
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    result.writeError = error;
  } finally {
    progress.finish();
    await render.close?.();
  }
  // In selection order, model by model, whatever order the pool finished in.
  const order = new Map(picks.map((p, i) => [p.position, i]));
  result.viewerEntries.sort((a, b) => order.get(a.index)! - order.get(b.index)! || names.indexOf(a.model) - names.indexOf(b.model));
  return result;
}
