// Shared data shapes: bytes -> Sample (dataset/) -> ParsedCot (cot/) -> picture (render/) -> files (runs/, outputs/).
import type { OutputFormat } from './formats.js';

/** The three files of one split, plus the short split name used in output file names. */
export interface SplitPaths {
  /** `main`, `rejection`, or the annotations file's stem for other names. */
  name: string;
  imagesTsv: string;
  annotationsTsv: string;
  /** null: build the index in memory by scanning the annotations TSV. */
  annotationsLineidx: string | null;
}

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif';

/** What a stored image's header says, read without decoding any pixels. */
export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

/** The annotation JSON of one sample, checked for types. */
export interface Annotation {
  /** Every candidate, as stored: [x, y, w, h] in raw (unrotated) image pixels. Person N = gtBoxes[N-1]. */
  gtBoxes: [number, number, number, number][];
  /** Referring expression -> 0-based indices into gtBoxes of the targets. May be `{}` or `{expr: []}`. */
  regionMap: Record<string, number[]>;
  /** The chain of thought, without <think> tags. */
  think: string;
  /** Any keys besides gt_boxes, region_map and think, kept as parsed. */
  extra: Record<string, unknown>;
}

/** The annotation line of one sample without its image: enough for validate and stats. */
export interface AnnotationRecord {
  split: string;
  index: number;
  /** Byte offset of the sample's line in the annotations TSV. */
  annOffset: number;
  /** Byte offset of the sample's line in the images TSV (first column of the annotation line). */
  imgOffset: number;
  annotation: Annotation;
  /** The split's two TSVs, so later stages can name the file in their messages (absent on hand-made records). */
  files?: { annotationsTsv: string; imagesTsv: string };
}

/** One fully read sample. */
export interface Sample extends AnnotationRecord {
  /** First column of the image line; opaque, never used as a path. */
  imageKey: string;
  /** Decoded (base64 -> bytes) image file contents. */
  image: Buffer;
  imageFormat: ImageFormat;
}

/** ✅ target, ❌ not a target, ⚠️ meets a sub-condition or is the reference person (⚠ is normalised to ⚠️). */
export type Mark = '✅' | '❌' | '⚠️';

/** How many candidates end with each final mark (`none`: no mark). */
export type VerdictCounts = Record<Mark | 'none', number>;

/** A character span [start, end) in the `think` string (UTF-16 code units, as JS strings index). */
export interface Span {
  start: number;
  end: number;
}

export interface CotLine extends Span {
  /** Person numbers (1-based) this line is about; empty when it names nobody. */
  subjects: number[];
  /** How the subjects were written: `Person 3:`, `Person 1-9`, `Person 1,2,4`, `Others`/`the remaining N`, or none. */
  subjectKind: 'single' | 'range' | 'list' | 'others' | 'none';
  mark: Mark | null;
  /** The line without its leading `- ` and without its trailing `→ mark`. */
  text: string;
  /** For order lines (`left to right is [person 4, person 3]`): the candidates in the order given. */
  order?: number[];
}

export interface CotStep extends Span {
  /** The number in `# Step N:`. */
  number: number;
  title: string;
  /** Text between the header and the first candidate line. */
  intro: string;
  lines: CotLine[];
}

export interface CotSummary extends Span {
  /** The header as written (`# Summarize and Re-Check answer`, `Let’s now finalize:` ...). */
  header: string;
  intro: string;
  lines: CotLine[];
}

export interface Mention extends Span {
  /** 1-based number after the noun. */
  person: number;
  /** The noun as written: `Person`, `person`, `Helmet` ... */
  noun: string;
}

export interface Consistency {
  /** True when the ✅ set of the summary equals the region_map targets (both 1-based). */
  consistent: boolean;
  /** Targets in region_map that the summary does not mark ✅. */
  onlyInRegionMap: number[];
  /** Persons marked ✅ in the summary that region_map does not list. */
  onlyInCot: number[];
}

/** `extra.source` of a row of upstream's custom GRPO format (sources/toy.ts): no reasoning by design, its answer box in `extra.ans`. */
export const CUSTOM_GRPO_SOURCE = 'rex-thinker-grpo-jsonl';

/** What a row of upstream's custom GRPO format answers: its own box, which may equal none of its hints. */
export interface RowAnswer {
  /** `ans`: [x0, y0, x1, y1] in image pixels. */
  box: [number, number, number, number];
  /** 1-based number of the hint (candidate) equal to it, or null when no hint is exactly this box. */
  hint: number | null;
}

export interface ParsedCot {
  /**
   * Set for a row of upstream's custom GRPO format only: it carries no reasoning, so there is nothing to be consistent
   * with (`consistency` says consistent), and it is never a rejection (it answers with this box).
   */
  answer?: RowAnswer;
  /** From region_map keys, or from the planning sentence when region_map is `{}`. */
  expressions: string[];
  /** The planning paragraph and its planned steps. */
  planning: Span & { text: string };
  plan: string[];
  steps: CotStep[];
  summary: CotSummary | null;
  /** verdicts[n-1] = final mark of Person n (summary first, else last mark in the steps, else null). */
  verdicts: (Mark | null)[];
  mentions: Mention[];
  /** The noun the mentions name candidates with, most used first, capitalised (`Person`, `Helmet`): `Person` when none. */
  noun: string;
  /** 1-based targets from region_map (union over expressions, ascending). */
  targets: number[];
  /** 1-based persons marked ✅ in the final verdicts, ascending. */
  cotTargets: number[];
  consistency: Consistency;
  /** Problems in the text: never thrown. */
  warnings: string[];
}

export interface RenderOptions {
  format?: OutputFormat;
  /** The image panel is scaled down when its longer side exceeds this. Default 2048. */
  maxSide?: number;
  /** Cheaper PNG compression (bigger files). */
  fast?: boolean;
  /** Every warning of this sample for the footer (data findings and the parser's); default: the parser's alone. */
  warnings?: readonly string[];
}

/** One encoded picture. */
export interface RenderedImage {
  data: Buffer;
  width: number;
  height: number;
  format: OutputFormat;
}

/** Sample + ParsedCot -> picture (render/ implements it; runs/ takes it as a seam, tests pass fakes). */
export interface Renderer {
  render(sample: Sample, cot: ParsedCot, options?: RenderOptions): Promise<RenderedImage>;
  /** Frees what the renderer holds (drawing threads); called once the run is over. */
  close?(): Promise<void>;
}
