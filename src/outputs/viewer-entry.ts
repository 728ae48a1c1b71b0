// Turns a visualize outcome into a viewer entry: the grid row, the sample view's details, the photo as stored.
import { allMentions } from '../render/index.js';
import type { ParsedCot, Sample } from '../types.js';
import type { ViewerDetail, ViewerEntry } from '../viewer/types.js';
import type { Outcome, RenderedOutcome } from './outcome.js';
import type { SampleRecord } from './sample-json.js';

/** What only the render step has in hand (the parse and the photo), carried to the in-order writers. */
export function viewerExtras(sample: Sample, cot: ParsedCot, record: SampleRecord): NonNullable<RenderedOutcome['viewer']> {
  const lines = [...cot.steps.flatMap((s) => s.lines), ...(cot.summary?.lines ?? [])]
    .filter((l) => l.subjects.length > 0)
    .map((l) => ({ start: l.start, end: l.end, subjects: [...l.subjects] }));
  const detail: ViewerDetail = {
    image: { width: record.image.width, height: record.image.height },
    candidates: record.candidates.map((c) => ({ person: c.person, box: c.box, verdict: c.verdict, target: c.target })),
    regionMap: Object.entries(sample.annotation.regionMap).map(([expression, indices]) => ({ expression, targets: indices.map((i) => i + 1) })),
    cotTargets: [...cot.cotTargets],
    reasoning: sample.annotation.think,
    // The same mentions the picture colours, grouped subjects' numbers included (`Person 1, 3, 4`).
    mentions: allMentions(sample.annotation.think, cot).map((m) => ({ start: m.start, end: m.end, person: m.person })),
    lines,
  };
  return { detail, image: { bytes: sample.image, format: sample.imageFormat }, searchText: sample.annotation.think };
}

/** `main_000042.png` -> `main_000042`: the id the page uses in its hash and in `data-sample`. */
export function entryName(file: string): string {
  return file.replace(/\.[^.]*$/, '');
}

export function viewerEntry(outcome: Outcome, failedFile: (split: string, index: number) => string): ViewerEntry {
  if (outcome.status === 'failed') {
    return {
      name: entryName(failedFile(outcome.split, outcome.index)),
      split: outcome.split,
      index: outcome.index,
      status: 'failed',
      error: outcome.error,
      expressions: [],
      candidates: 0,
      verdictCounts: { '✅': 0, '❌': 0, '⚠️': 0, none: 0 },
      consistent: true,
      rejection: false,
      warnings: [],
    };
  }
  const r = outcome.record;
  return {
    name: entryName(outcome.file),
    split: r.split,
    index: r.index,
    status: 'rendered',
    file: outcome.file,
    imageKey: r.imageKey,
    expressions: r.expressions,
    candidates: r.candidates.length,
    verdictCounts: outcome.verdictCounts,
    consistent: r.consistent,
    rejection: r.rejection,
    warnings: r.warnings,
    searchText: outcome.viewer?.searchText,
    detail: outcome.viewer?.detail,
    image: outcome.viewer?.image,
  };
}
