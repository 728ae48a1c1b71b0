import { describe, expect, it } from 'vitest';
import { answerHintFindings, iou } from '../../src/sources/toy-checks.js';
import { ToySource } from '../../src/sources/toy.js';
import { tempDirForFile } from '../cli.js';
import { TOY_ROWS, writeToyFixture } from './toy-fixture.js';

const tmp = tempDirForFile('toy-checks');

describe('ans must be one of the hints (upstream\'s accuracy_reward counts exact matches only)', () => {
  it('says so for the laptop and skateboard rows, with the closest hint and its IoU, and not for the tv row', async () => {
    const { anno, images } = await writeToyFixture(tmp.dir);
    const source = await ToySource.open({ name: 'toy', annotationsTsv: anno, imagesTsv: images, annotationsLineidx: null });
    const findings = await Promise.all(
      TOY_ROWS.map(async (row, i) => answerHintFindings((await source.readAnnotation(i)).annotation, row.size[0], row.size[1])),
    );
    expect(findings[1]).toEqual([]);
    expect(findings[0]).toHaveLength(1);
    expect(findings[0][0].message).toBe(
      "ans [0, 45.95, 238.92, 454.59] ([0, 45, 240, 450] in the model's pixels) is not one of the 3 hint boxes; the closest is hint 3, [0.01, 42.5, 242.26, 464.78] (IoU 0.954), [0, 42, 243, 460] in the model's pixels. Upstream's accuracy_reward counts only exact box matches, so this row can never earn accuracy reward: make ans one of the candidate_boxes",
    );
    expect(findings[2][0].message).toMatch(/^ans \[93\.82, 45\.79, 442\.27, 275\.54\] \(\[94, 45, 445, 271\] in the model's pixels\) .* hint 2, .*\(IoU 0\.957\), \[94, 46, 451, 276\]/);
  });

  it('computes IoU of xyxy boxes', () => {
    expect(iou([0, 0, 10, 10], [5, 0, 15, 10])).toBeCloseTo(50 / 150);
    expect(iou([0, 0, 1, 1], [2, 2, 3, 3])).toBe(0);
  });
});
