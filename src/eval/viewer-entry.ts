// One eval picture as an entry of the offline viewer (issue 11's ViewerEntry shape): sortable by score, `wrong` as a kind,
// the model's boxes as `detail.predicted`.
import type { ImageFormat } from '../types.js';
import type { ViewerEntry } from '../viewer/types.js';
import type { XyxyBox } from './metric.js';
import { OUTCOME_COLORS, personColor } from './picture-text.js';
import { formatFixed3 } from './table.js';
import type { SampleView } from './view.js';

/** A viewer entry that always carries an eval's score, kinds and search text. */
export type EvalViewerEntry = ViewerEntry & Required<Pick<ViewerEntry, 'score' | 'kinds' | 'searchText'>>;

export function evalViewerEntry(
  view: SampleView,
  picture: { file: string | null; error: string | null },
  image: { width: number; height: number } | null,
  photo?: { path: string; format: ImageFormat },
): EvalViewerEntry {
  const { gt, result, persons, cot, boxes } = view;
  const counts = { '✅': 0, '❌': 0, '⚠️': 0, none: 0 };
  for (const j of persons) counts[j.verdict ?? 'none']++;
  const kinds = [gt.domain.toLowerCase()];
  if (result.wrong) kinds.push('wrong');
  if (boxes.gt.some((g) => g.outcome === 'missed')) kinds.push('missed');
  if (boxes.predicted.some((b) => b.outcome === 'false-alarm')) kinds.push('false-alarm');
  if (view.reasoning?.faithful === false) kinds.push('unfaithful');
  if (view.reasoning?.hallucinated.length) kinds.push('hallucinated');
  const name = (picture.file ?? `eval_${String(gt.position).padStart(6, '0')}_${view.modelName}`).replace(/\.[a-z]+$/, '');
  const entry: EvalViewerEntry = {
    name,
    split: view.modelName,
    index: gt.position,
    status: picture.file ? 'rendered' : 'failed',
    imageKey: gt.imageName ?? undefined,
    expressions: [gt.referring],
    candidates: gt.candidates.length,
    verdictCounts: counts,
    consistent: persons.every((j) => j.agreement === 'agree'),
    rejection: result.rejected !== null,
    warnings: view.notes,
    kinds,
    score: result.score,
    searchText: view.response.think,
  };
  if (picture.file) entry.file = picture.file;
  if (picture.error) entry.error = picture.error;
  if (image) {
    if (photo) entry.image = photo;
    const steps = [...cot.steps.flatMap((s) => s.lines), ...(cot.summary?.lines ?? [])];
    entry.detail = {
      image,
      candidates: persons.map((j) => ({ person: j.person, box: gt.candidates[j.person - 1], color: personColor(j), verdict: j.verdict, target: j.target })),
      predicted: [
        ...boxes.predicted.map((b) => ({
          box: b.box,
          label: b.outcome === 'hit' ? `#${b.index + 1} IoU ${formatFixed3(b.iou)}` : `#${b.index + 1} false alarm`,
          color: OUTCOME_COLORS[b.outcome],
        })),
        ...boxes.gt.filter((g) => g.outcome === 'missed').map((g) => ({ box: g.box, label: 'missed', color: OUTCOME_COLORS.missed })),
      ],
      regionMap: [{ expression: gt.referring, targets: view.targets }],
      cotTargets: cot.cotTargets,
      reasoning: view.response.think,
      mentions: cot.mentions.map(({ start, end, person }) => ({ start, end, person })),
      lines: steps.map(({ start, end, subjects }) => ({ start, end, subjects })),
    };
  }
  return entry;
}
