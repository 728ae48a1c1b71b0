// One sample of a 1000×750 photo, two candidates, Person 2 the target: Qwen2.5-VL sees it at 1008×756, so the boxes
// scale by 1.008 and are truncated (xyxy [100, 50, 300, 350] -> [100, 50, 302, 352], [600, 100, 700, 200] -> [604, 100, 705, 201]).
import type { ExportItem } from '../../src/export/format.js';
import type { Annotation } from '../../src/types.js';
import { fakeCot } from '../fakes.js';

const annotation: Annotation = { gtBoxes: [[100, 50, 200, 300], [600, 100, 100, 100]], regionMap: { 'the man': [1] }, think: 'Person 2 is the man. → ✅', extra: {} };

export const ITEM: Pick<ExportItem, 'sample' | 'cot' | 'header'> = {
  sample: { split: 'main', index: 0, annOffset: 0, imgOffset: 0, imageKey: 'k', image: Buffer.alloc(0), imageFormat: 'png', annotation },
  cot: fakeCot(annotation.think, 2, annotation.regionMap),
  header: { format: 'png', width: 1000, height: 750 },
};

export const HINT = '{"person": [[100, 50, 302, 352], [604, 100, 705, 201]]}';
export const ANSWER = '```json\n[{"bbox_2d": [604, 100, 705, 201], "label": "the man"}]\n```';
