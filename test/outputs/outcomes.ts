// Outcomes of one rendered and one failed sample, with the text a CSV or HTML writer must survive.
import type { Outcome } from '../../src/outputs/outcome.js';
import { buildSampleRecord, countVerdicts } from '../../src/outputs/sample-json.js';
import type { Sample } from '../../src/types.js';
import { fakeCot } from '../fakes.js';

export const hostile = 'the man "in red", <script>alert(1)</script> & co\nsecond line';

export function sample(index: number, expression = hostile): Sample {
  return {
    split: 'main',
    index,
    annOffset: 1234,
    imgOffset: 5_000_000_000,
    imageKey: `<img src=x onerror=alert(1)>`,
    image: Buffer.alloc(0),
    imageFormat: 'jpeg',
    annotation: {
      gtBoxes: [
        [0.907, 200.998, 259.579, 823.311],
        [188.193, 181.911, 255.304, 842.247],
        [668.186, 176.46, 372.527, 847.631],
      ],
      regionMap: { [expression]: [1, 2] },
      think: 'inconsistent',
      extra: {},
    },
  };
}

export function rendered(index: number, position: number): Outcome {
  const s = sample(index);
  const cot = fakeCot(s.annotation.think, 3, s.annotation.regionMap);
  return {
    status: 'rendered',
    position,
    file: `main_${String(index).padStart(6, '0')}.png`,
    record: buildSampleRecord(s, cot, { width: 1024, height: 1024, format: 'jpeg' }, ['a warning, with comma'], `/out/main_${index}.png`),
    verdictCounts: countVerdicts(cot.verdicts),
  };
}

export const failed: Outcome = { status: 'failed', position: 1, split: 'rejection', index: 9, annOffset: 900, imgOffset: null, error: 'f.tsv, sample 9, byte offset 900: the JSON is malformed <bad>', errorCode: 'invalid-json' };

