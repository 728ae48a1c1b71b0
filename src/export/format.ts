// What every export format implements: prepare a sample (any order, several at once), append it (selection order,
// one at a time), then commit (every file appears under its name at once) or abort (nothing appears).
import type { ImageHeader, ParsedCot, Sample } from '../types.js';
import type { SampleSource } from '../plumbing/seams.js';

export interface ExportItem {
  source: SampleSource;
  /** Position of the source among the run's sources. */
  sourcePosition: number;
  sample: Sample;
  cot: ParsedCot;
  header: ImageHeader;
  /** The sample's output name (`main_000042`), as the viewer and review.json name it. */
  name: string;
}

/** Where an appended sample went, for provenance.jsonl (format-specific fields). */
export type Placement = Record<string, string | number>;

export interface FormatWriter<P> {
  /** Reads and composes what the sample adds; a DataError fails this sample only. */
  prepare(item: ExportItem): Promise<P>;
  append(prepared: P): Promise<Placement>;
  /** Files made, relative to the output folder, for the summary. */
  commit(): Promise<string[]>;
  abort(): Promise<void>;
}

export const EXPORT_FORMATS = ['tsv', 'sft', 'grpo'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
