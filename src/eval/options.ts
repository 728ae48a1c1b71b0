// What an eval run is given: its options (ground truth, models, selection, outputs) and the modules it calls.
import type { OutputFormat } from '../formats.js';
import type { ResizeLimits } from '../geometry/smart-resize.js';
import type { SampleSource } from '../plumbing/seams.js';
import type { EvalPictureInput, EvalPictureOptions } from './picture.js';
import type { EvalSelection } from './select.js';
import type { ParseCot } from './view.js';
import type { EvalViewerEntry } from './viewer-entry.js';
import type { RunContext } from '../runs/run-record.js';

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
  /** smart_resize's --min-pixels / --max-pixels, for lines scored from raw_response. */
  resize?: ResizeLimits;
}

export interface EvalDeps {
  parseCot: ParseCot;
  /** Loaded only when there is a picture to draw (fonts and canvas are not free). */
  renderPicture: () => Promise<(input: EvalPictureInput, options: EvalPictureOptions) => Promise<{ data: Buffer; source: { width: number; height: number } }>>;
  /** Hands the pictures to the offline viewer (src/viewer's writeViewer), when there is one. */
  writeViewer?: (outputDir: string, entries: EvalViewerEntry[], runId: string) => Promise<unknown>;
  /** For run.json: the command line, folder, options as given and the clock (tests fix it). */
  context?: RunContext;
}
