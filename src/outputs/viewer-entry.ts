// The one builder of viewer entries, used by visualize (from its outcome) and eval (from its sample view): the grid
// row's facts, the sample view's reasoning (the same mentions and lines whoever built it), the photo as stored.
import { allMentions, ANSWER_COLOR } from '../render/index.js';
import type { ParsedCot, Sample } from '../types.js';
import { NO_REASONING_KIND, type ViewerCandidate, type ViewerDetail, type ViewerEntry, type ViewerPredictedBox } from '../viewer/types.js';
import type { Outcome, RenderedOutcome } from './outcome.js';
import type { SampleRecord } from './sample-json.js';

/** What a command knows of one sample; the builder fills the rest. */
export interface EntryFacts {
  name: string;
  split: string;
  index: number;
  /** Eval: the model whose answer this entry shows. */
  model?: string;
  /** The picture in the output folder, or why there is none. */
  picture: { file: string } | { error: string };
  imageKey?: string;
  expressions: string[];
  candidates: number;
  verdictCounts: ViewerEntry['verdictCounts'];
  consistent: boolean;
  rejection: boolean;
  warnings: string[];
  kinds?: string[];
  score?: number;
  /** The reasoning shown, searched and marked (the dataset's `think`, or the model's). */
  reasoning?: { text: string; cot: ParsedCot };
  /** The sample view's boxes: present when the photo's size is known. */
  view?: { image: ViewerDetail['image']; candidates: ViewerCandidate[]; predicted?: ViewerPredictedBox[]; regionMap: ViewerDetail['regionMap'] };
  photo?: ViewerEntry['image'];
}

/** The reasoning half of the sample view: the same mentions the picture colours, grouped subjects' numbers included (`Person 1, 3, 4`). */
export function reasoningDetail(text: string, cot: ParsedCot): Pick<ViewerDetail, 'reasoning' | 'mentions' | 'lines' | 'cotTargets' | 'noun'> {
  const lines = [...cot.steps.flatMap((s) => s.lines), ...(cot.summary?.lines ?? [])]
    .filter((l) => l.subjects.length > 0)
    .map((l) => ({ start: l.start, end: l.end, subjects: [...l.subjects] }));
  return {
    cotTargets: [...cot.cotTargets],
    reasoning: text,
    mentions: allMentions(text, cot).map((m) => ({ start: m.start, end: m.end, person: m.person })),
    lines,
    noun: cot.noun,
  };
}

const NO_REASONING = { cotTargets: [], reasoning: '', mentions: [], lines: [], noun: 'Person' };

export function buildViewerEntry(facts: EntryFacts): ViewerEntry {
  const entry: ViewerEntry = {
    name: facts.name,
    split: facts.split,
    index: facts.index,
    status: 'file' in facts.picture ? 'rendered' : 'failed',
    expressions: facts.expressions,
    candidates: facts.candidates,
    verdictCounts: facts.verdictCounts,
    consistent: facts.consistent,
    rejection: facts.rejection,
    warnings: facts.warnings,
  };
  if (facts.model !== undefined) entry.model = facts.model;
  if ('file' in facts.picture) entry.file = facts.picture.file;
  else entry.error = facts.picture.error;
  if (facts.imageKey !== undefined) entry.imageKey = facts.imageKey;
  if (facts.kinds !== undefined) entry.kinds = facts.kinds;
  if (facts.score !== undefined) entry.score = facts.score;
  if (facts.reasoning) entry.searchText = facts.reasoning.text;
  if (facts.view) {
    entry.detail = { ...facts.view, ...(facts.reasoning ? reasoningDetail(facts.reasoning.text, facts.reasoning.cot) : NO_REASONING) };
    if (facts.photo) entry.image = facts.photo;
  }
  return entry;
}

/** What only the render step has in hand (the parse and the photo), carried to the in-order writers. */
export function viewerExtras(sample: Sample, cot: ParsedCot, record: SampleRecord): NonNullable<RenderedOutcome['viewer']> {
  const entry = buildViewerEntry({
    ...recordFacts(record, 'unused'),
    reasoning: { text: sample.annotation.think, cot },
    view: {
      image: { width: record.image.width, height: record.image.height },
      candidates: record.candidates.map((c) => ({ person: c.person, box: c.box, verdict: c.verdict, target: c.target, ...(cot.answer?.hint === c.person ? { color: ANSWER_COLOR } : {}) })),
      // A custom GRPO row's answer that is no hint: drawn dashed over the photo, as in the picture.
      ...(cot.answer && cot.answer.hint === null ? { predicted: [{ box: cot.answer.box, label: 'ans', color: ANSWER_COLOR }] } : {}),
      regionMap: Object.entries(sample.annotation.regionMap).map(([expression, indices]) => ({ expression, targets: indices.map((i) => i + 1) })),
    },
    photo: { bytes: sample.image, format: sample.imageFormat },
  });
  return { detail: entry.detail!, image: entry.image!, searchText: entry.searchText! };
}

/** `main_000042.png` -> `main_000042`: the id the page uses in its hash and in `data-sample`. */
export function entryName(file: string): string {
  return file.replace(/\.[^.]*$/, '');
}

const NO_VERDICTS = { '✅': 0, '❌': 0, '⚠️': 0, none: 0 };

function recordFacts(r: SampleRecord, file: string): EntryFacts {
  return {
    name: entryName(file),
    split: r.split,
    index: r.index,
    picture: { file },
    imageKey: r.imageKey,
    expressions: r.expressions,
    candidates: r.candidates.length,
    verdictCounts: NO_VERDICTS,
    consistent: r.consistent,
    rejection: r.rejection,
    warnings: r.warnings,
    ...(r.noReasoning ? { kinds: [NO_REASONING_KIND] } : {}),
  };
}

export function viewerEntry(outcome: Outcome, failedFile: (split: string, index: number) => string): ViewerEntry {
  if (outcome.status === 'failed') {
    return buildViewerEntry({
      name: entryName(failedFile(outcome.split, outcome.index)),
      split: outcome.split,
      index: outcome.index,
      picture: { error: outcome.error },
      expressions: [],
      candidates: 0,
      verdictCounts: NO_VERDICTS,
      consistent: true,
      rejection: false,
      warnings: [],
    });
  }
  // The reasoning part was built by viewerExtras while the parse was in hand; it is carried, not rebuilt.
  const entry = buildViewerEntry({ ...recordFacts(outcome.record, outcome.file), verdictCounts: outcome.verdictCounts });
  if (outcome.viewer) Object.assign(entry, { searchText: outcome.viewer.searchText, detail: outcome.viewer.detail, image: outcome.viewer.image });
  return entry;
}
