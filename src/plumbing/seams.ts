// The seams of a run: what selection/, outputs/ and runs/ need from dataset/, cot/ and render/, as interfaces so tests can pass fakes.
import type { AnnotationRecord, ParsedCot, Sample, SplitPaths } from '../types.js';

/** One opened split (the shape of dataset/Dataset). */
export interface SampleSource {
  readonly paths: SplitPaths;
  readonly length: number;
  annOffset(index: number): number;
  readAnnotation(index: number): Promise<AnnotationRecord>;
  readSample(index: number): Promise<Sample>;
  close(): Promise<void>;
}

export type ParseCot = (think: string, candidateCount: number, regionMap: Record<string, number[]>) => ParsedCot;

export type OutputFormat = 'png' | 'jpeg' | 'webp';

export interface RenderedImage {
  data: Buffer;
  width: number;
  height: number;
  format: string;
}

export interface SampleRenderer {
  render(sample: Sample, cot: ParsedCot, options?: { format?: OutputFormat; maxSide?: number; fast?: boolean; warnings?: readonly string[] }): Promise<RenderedImage>;
  /** Frees what the renderer holds (drawing threads); called once when the run is over. */
  close?(): Promise<void>;
}

/** A sample picked for a run: which opened split (position in the sources list) and its index there. */
export interface SampleRef {
  source: number;
  index: number;
}
