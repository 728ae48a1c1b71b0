// One eval picture as an entry of the offline viewer, through the builder visualize uses: sortable by score, `wrong`
// as a kind, the model's boxes as `detail.predicted`, the model in its own field.
import { buildViewerEntry } from '../outputs/viewer-entry.js';
import type { ViewerEntry } from '../viewer/types.js';
import { OUTCOME_COLORS, personColor } from './picture-text.js';
import { formatFixed3 } from './table.js';
import type { SampleView } from './view.js';

/** A viewer entry that always carries an eval's model, score, kinds and search text. */
export type EvalViewerEntry = ViewerEntry & Required<Pick<ViewerEntry, 'model' | 'score' | 'kinds' | 'searchText'>>;

export function evalViewerEntry(
  view: SampleView,
  /** `name`: the picture's name without extension (outputs/output-names), also when it could not be drawn. */
  picture: { name: string; file: string | null; error: string | null },
  image: { width: number; height: number } | null,
  photo?: ViewerEntry['image'],
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
  return buildViewerEntry({
    name: picture.name,
    // The dataset's split with HumanRef-CoT ground truth; annotations.jsonl has none, and its domain is the partition.
    split: gt.dataset?.split ?? gt.domain,
    index: gt.position,
    model: view.modelName,
    picture: picture.file ? { file: picture.file } : { error: picture.error ?? 'no picture' },
    imageKey: gt.imageName ?? undefined,
    expressions: [gt.referring],
    candidates: gt.candidates.length,
    verdictCounts: counts,
    consistent: persons.every((j) => j.agreement === 'agree'),
    rejection: result.rejected !== null,
    warnings: view.notes,
    kinds,
    score: result.score,
    reasoning: { text: view.response.think, cot },
    view: image
      ? {
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
        }
      : undefined,
    photo,
  }) as EvalViewerEntry;
}
