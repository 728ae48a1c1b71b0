// The seams of a run: what selection/, outputs/ and runs/ need from dataset/, cot/ and render/, as interfaces so tests can pass fakes.
import type { Annotation, AnnotationRecord, ParsedCot, Sample, SplitPaths } from '../types.js';

/** One opened split (the shape of dataset/Dataset). */
export interface SampleSource {
  readonly paths: SplitPaths;
  readonly length: number;
  annOffset(index: number): number;
  readAnnotation(index: number): Promise<AnnotationRecord>;
  readSample(index: number): Promise<Sample>;
  close(): Promise<void>;
}

/** The reasoning of one annotation, parsed (cot/parse.ts parseAnnotationCot). */
export type ParseCot = (annotation: Annotation) => ParsedCot;

/** A sample picked for a run: which opened split (position in the sources list) and its index there. */
export interface SampleRef {
  source: number;
  index: number;
}
