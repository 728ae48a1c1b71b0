// One eval picture, a composition of render/'s layers: candidates coloured by agreement with the truth and their
// labels, the model's boxes dashed with hit / false alarm / missed tags; score, reasoning and answer beside them.
import type { OutputFormat } from '../formats.js';
import type { ImageFormat } from '../types.js';
import {
  boxGeometry,
  boxStyle,
  getPictureDrawer,
  layoutLabels,
  layoutOutlines,
  layoutTags,
  tagSize,
  type Composition,
  type ImagePanel,
  type Measure,
  type Overlay,
  type Photo,
} from '../render/index.js';
import { evalFooter, evalParagraphs, OUTCOME_COLORS, personColor, type EvalTextInput } from './picture-text.js';
import { formatFixed3 } from './table.js';

export interface EvalPictureInput extends EvalTextInput {
  image: Buffer;
  imageFormat: ImageFormat;
  /** Named in messages and in the footer. */
  imageFile: string;
  /** Parser warnings and response notes for the footer. */
  notes: string[];
}

export interface EvalPictureOptions {
  format?: OutputFormat;
  maxSide?: number;
  fast?: boolean;
}

/** Response text beyond this is cut (with a note): real answers are a few KB. */
export const MAX_SHOWN_CHARS = 20_000;

function cut(text: string): { text: string; cut: boolean } {
  return text.length > MAX_SHOWN_CHARS ? { text: text.slice(0, MAX_SHOWN_CHARS), cut: true } : { text, cut: false };
}

function overlays(input: EvalPictureInput, image: ImagePanel, measure: Measure): Overlay[] {
  const { labelSize, lineWidth } = boxStyle(image.width, image.height);
  const candidates = boxGeometry(
    input.gt.candidates.map((box, i) => {
      const j = input.persons[i];
      return { person: i + 1, box, verdict: j.verdict, target: j.target, color: personColor(j) };
    }),
    image,
  );
  const labels = layoutLabels(candidates, image.width, image.height, labelSize, lineWidth, measure, input.candidateNoun);
  const { predicted, gt } = input.boxes;
  const missed = gt.filter((g) => g.outcome === 'missed');
  const outlines = layoutOutlines([...missed.map((g) => ({ box: g.box, color: OUTCOME_COLORS.missed })), ...predicted.map((b) => ({ box: b.box, color: OUTCOME_COLORS[b.outcome] }))], image);
  const tags = layoutTags(
    [
      // Short, because a crowd has a tag per person: `#3` is the box's place in extracted_predictions.
      ...predicted.map((b) => ({ box: b.box, color: OUTCOME_COLORS[b.outcome], text: b.outcome === 'hit' ? `#${b.index + 1} IoU ${formatFixed3(b.iou)}` : `#${b.index + 1} false alarm` })),
      ...missed.map((g) => ({ box: g.box, color: OUTCOME_COLORS.missed, text: 'missed' })),
    ],
    image,
    tagSize(labelSize),
    measure,
    // The candidate labels stay readable: tags move off them.
    labels.map((l) => l.rect),
  );
  return [
    { kind: 'candidates', boxes: candidates, lineWidth },
    { kind: 'model-boxes', outlines, lineWidth },
    { kind: 'labels', labels },
    { kind: 'model-tags', tags },
  ];
}

/** What the eval picture of one model on one sample shows, at the sizes of its image panel. */
export function evalComposition(input: EvalPictureInput): Composition {
  const think = cut(input.response.think);
  const answer = input.response.answer === null ? null : cut(input.response.answer).text;
  const notes = [...input.notes, ...(think.cut ? [`the reasoning is cut after ${MAX_SHOWN_CHARS} characters`] : [])];
  const textInput = { ...input, response: { ...input.response, think: think.text, answer } };
  return {
    refuse: { where: { file: input.gt.file }, hint: 'Skip this sample' },
    textChars: think.text.length + (answer?.length ?? 0),
    text: (image, m) => {
      const shown = image.scale === 1 ? '' : ` (shown at ${Math.round(image.scale * 100)}%)`;
      const where = input.gt.dataset ? `sample ${input.gt.dataset.index}` : `line ${input.gt.line}`;
      const source = `${input.gt.file}, ${where} · image ${input.imageFile} · ${image.sourceWidth}×${image.sourceHeight} px${shown}`;
      return { panel: evalParagraphs(textInput, m.size), footer: evalFooter(textInput, notes, source, m.footerSize) };
    },
    overlays: (image, measure) => overlays(input, image, measure),
  };
}

/** The encoded picture and the size of the photo it shows. */
export interface EvalPicture {
  data: Buffer;
  width: number;
  height: number;
  source: { width: number; height: number };
}

export async function renderEvalPicture(input: EvalPictureInput, options: EvalPictureOptions = {}): Promise<EvalPicture> {
  const drawer = await getPictureDrawer();
  const photo: Photo = { image: input.image, imageFormat: input.imageFormat, where: { file: input.imageFile } };
  const { image, layout } = await drawer.draw(photo, evalComposition(input), options);
  return { data: image.data, width: image.width, height: image.height, source: { width: layout.image.sourceWidth, height: layout.image.sourceHeight } };
}
