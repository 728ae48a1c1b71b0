// Visualize's picture of a dataset sample: candidate boxes and their `Person N ✅` labels over the photo, the
// reasoning panel (expressions, then Planning, Steps, Summary) beside it, the consistency footer below.
import type { ParsedCot, Sample } from '../types.js';
import { layoutLabels } from './box-labels.js';
import { boxGeometry, boxStyle, xywhToXyxy } from './boxes.js';
import { ANSWER_COLOR, candidateColor } from './colors.js';
import type { Photo } from './decode.js';
import { buildFooter } from './footer.js';
import type { Composition, Overlay } from './layout.js';
import { layoutOutlines, layoutTags, tagSize } from './model-boxes.js';
import { buildReasoning } from './reasoning.js';
import { splitRuns } from './text-runs.js';

/** The sample's image, named in messages by its line of the images TSV. */
export function samplePhoto(sample: Sample): Photo {
  // The reader names the split's files; a hand-made sample only has its split name.
  const where = { file: sample.files?.imagesTsv ?? `${sample.split} images TSV`, index: sample.index, offset: sample.imgOffset };
  return { image: sample.image, imageFormat: sample.imageFormat, where };
}

function hasMissingGlyphs(texts: string[]): boolean {
  return texts.some((t) => splitRuns(t).some((r) => r.kind === 'missing'));
}

export function sampleComposition(sample: Sample, cot: ParsedCot, warnings?: readonly string[]): Composition {
  const think = sample.annotation.think;
  return {
    refuse: {
      where: { file: sample.files?.annotationsTsv ?? `${sample.split} annotations TSV`, index: sample.index, offset: sample.annOffset },
      hint: 'Real traces are under 10 KB; skip this sample',
    },
    textChars: think.length + cot.expressions.join('').length,
    text: (image, m) => ({
      panel: buildReasoning(think, cot, { size: m.size }, sample.annotation.regionMap),
      footer: buildFooter(
        sample,
        cot,
        { sourceWidth: image.sourceWidth, sourceHeight: image.sourceHeight, scale: image.scale, missingGlyphs: hasMissingGlyphs([think, ...cot.expressions]), warnings },
        m.footerSize,
      ),
    }),
    overlays: (image, measure): Overlay[] => {
      const { labelSize, lineWidth } = boxStyle(image.width, image.height);
      const targets = new Set(cot.targets);
      const boxes = boxGeometry(
        sample.annotation.gtBoxes.map((b, i) => {
          const verdict = cot.verdicts[i] ?? null;
          // A custom GRPO row's hint equal to its ans is shown in the answer's colour (it has no verdict).
          const color = cot.answer?.hint === i + 1 ? ANSWER_COLOR : candidateColor(i + 1, verdict);
          return { person: i + 1, box: xywhToXyxy(b), verdict, target: targets.has(i + 1), color };
        }),
        image,
      );
      const labels = layoutLabels(boxes, image.width, image.height, labelSize, lineWidth, measure, cot.noun);
      const layers: Overlay[] = [
        { kind: 'candidates', boxes, lineWidth },
        { kind: 'labels', labels },
      ];
      // An ans that equals no hint is drawn as well, dashed and tagged like a model's box, or the picture would not show it.
      if (cot.answer && cot.answer.hint === null) {
        const spec = { box: cot.answer.box, color: ANSWER_COLOR };
        layers.push(
          { kind: 'model-boxes', outlines: layoutOutlines([spec], image), lineWidth },
          { kind: 'model-tags', tags: layoutTags([{ ...spec, text: 'ans' }], image, tagSize(labelSize), measure, labels.map((l) => l.rect)) },
        );
      }
      return layers;
    },
  };
}
