// What a run hands the viewer: one entry per sample (grid row + optional details), plus the runs' provenance.

/** The kind of a sample without reasoning by design (a row of upstream's custom GRPO format): shown instead of consistent/inconsistent. */
export const NO_REASONING_KIND = 'no reasoning';

/** [x0, y0, x1, y1] in raw (unrotated) image pixels. */
export type BoxXyxy = [number, number, number, number];

/** One candidate box as the sample view draws it. */
export interface ViewerCandidate {
  /** 1-based, as the reasoning names it (`Person N`); becomes `data-person="N"`. */
  person: number;
  box: BoxXyxy;
  /** `#rrggbb`; the same colour as in the PNG (the writer fills it from the verdict when absent). */
  color?: string;
  /** Final verdict mark of this person, or null. */
  verdict: '✅' | '❌' | '⚠️' | null;
  /** Listed as a target in the ground truth (region_map). */
  target: boolean;
}

/** A box from somewhere else than the candidates (an eval run's model answer): drawn dashed over the photo. */
export interface ViewerPredictedBox {
  box: BoxXyxy;
  /** Short text drawn with the box, e.g. `IoU 0.83` or `false alarm`. */
  label?: string;
  color?: string;
}

/** Everything the sample view shows, written to `viewer-data/<name>.js` and loaded when the sample opens. */
export interface ViewerDetail {
  image: { width: number; height: number };
  candidates: ViewerCandidate[];
  predicted?: ViewerPredictedBox[];
  /** Each referring expression with its 1-based targets from region_map. */
  regionMap: { expression: string; targets: number[] }[];
  /** 1-based persons marked ✅ in the reasoning's final verdicts. */
  cotTargets: number[];
  /** The reasoning text as stored (`think`). */
  reasoning: string;
  /** `Person N` mentions in `reasoning`: [start, end) in UTF-16 units. */
  mentions: { start: number; end: number; person: number }[];
  /**
   * The noun the reasoning names candidates with (`Person`, `Helmet`), for the box titles and target lines;
   * `Person` when absent (detail files of earlier releases have none).
   */
  noun?: string;
  /** Candidate lines of the reasoning ([start, end) of the line) and the persons each is about (ranges expanded). */
  lines: { start: number; end: number; subjects: number[] }[];
}

/**
 * One sample in the viewer. Visualize fills it from its outcome; an eval run fills `score`, `kinds` and
 * `detail.predicted` too. All strings are data: the page only ever sets them as text.
 */
export interface ViewerEntry {
  /** Unique id and hash target (`index.html#main_000042`): the picture's file name without extension. */
  name: string;
  /** The dataset split; an eval over annotations.jsonl (which has none) gives the sample's domain. */
  split: string;
  /** The model whose answer an eval entry shows; absent for visualize. */
  model?: string;
  index: number;
  status: 'rendered' | 'failed';
  /** The picture file in the output folder (thumbnail and "static picture" link); absent for failed samples. */
  file?: string;
  /** Why the sample failed (status 'failed'). */
  error?: string;
  imageKey?: string;
  expressions: string[];
  /** Number of candidate boxes. */
  candidates: number;
  /** Final verdicts over the candidates. */
  verdictCounts: { '✅': number; '❌': number; '⚠️': number; none: number };
  /** The reasoning's ✅ set equals the ground truth's targets. */
  consistent: boolean;
  /** No target at all (a rejection sample). */
  rejection: boolean;
  warnings: string[];
  /**
   * Extra kinds for the kind filter besides the built-in `inconsistent`, `warned`, `failed`, `rejection`
   * (e.g. an eval run's `wrong`). Lower-case words.
   */
  kinds?: string[];
  /** Sortable number ("by score", highest first), e.g. an eval run's DensityF1. */
  score?: number;
  /** The reasoning text, searched by the grid's search box (case-insensitively). */
  searchText?: string;
  /** The sample view's data; without it the sample view shows only what the grid knows. */
  detail?: ViewerDetail;
  /**
   * The source image exactly as stored in the dataset, shown under the boxes in the sample view: its bytes, the
   * path of an image file to copy, or a way to read it again (from an images TSV by offset). The last two are read
   * when the entry is written, so a run collecting many entries does not hold their photos in memory.
   */
  image?:
    | { bytes: Buffer; format: 'jpeg' | 'png' | 'webp' | 'gif' }
    | { path: string; format: 'jpeg' | 'png' | 'webp' | 'gif' }
    | { load: () => Promise<Buffer>; format: 'jpeg' | 'png' | 'webp' | 'gif' };
}

/** Provenance of one run (seed, command line, paths, version, time ...), shown in the page's header. */
export type ViewerRunInfo = Record<string, unknown>;

export interface ViewerOptions {
  /** Page title. */
  title?: string;
  /** This run's provenance; earlier runs' are kept when their entries are merged. */
  run?: ViewerRunInfo;
  /** Keep the entries of an earlier run in the same folder whose pictures are still there (default true). */
  merge?: boolean;
  /** Told when an earlier viewer file cannot be read back and is set aside (or partly left out and kept). */
  onWarning?: (message: string) => void;
}
