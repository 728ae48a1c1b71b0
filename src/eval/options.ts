// What an eval run is given: its options (ground truth, models, selection, outputs) and the modules it calls.
import type { OutputFormat } from '../formats.js';
import type { ResizeLimits } from '../geometry/smart-resize.js';
import type { SampleSource } from '../plumbing/seams.js';
import type { EvalOnlyKind } from '../selection/filter.js';
import type { PositionChoice } from '../selection/select-positions.js';
import type { ViewerRunInfo } from '../viewer/types.js';
import type { EvalPictureInput, EvalPictureOptions } from './picture.js';
import type { ParseCot } from './view.js';
import type { EvalViewerEntry } from './viewer-entry.js';

export type EvalGroundTruth = { kind: 'jsonl'; file: string; imagesDir: string | null } | { kind: 'dataset'; sources: readonly SampleSource[] };

/** Which samples get pictures: the selection flags every command shares, with eval's --only kinds, and --worst. */
export type EvalSelection = PositionChoice<EvalOnlyKind>;

export interface EvalOptions {
  outputDir: string;
  groundTruth: EvalGroundTruth;
  /** `name` as the user gave it (metrics.json, samples.jsonl); picture names are made safe in outputs/output-names. */
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
  /** Hands the pictures to the offline viewer (src/viewer's writeViewer) with the header of this run, when there is one. */
  writeViewer?: (outputDir: string, entries: EvalViewerEntry[], run: ViewerRunInfo) => Promise<unknown>;
}
