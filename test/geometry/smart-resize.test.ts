import { describe, expect, it } from 'vitest';
import { boxesFromModelPixels, boxesToModelPixels, pythonRound, smartResize } from '../../src/geometry/smart-resize.js';

describe('pythonRound', () => {
  it('sends halves to the even neighbour, like Python', () => {
    expect([0.5, 1.5, 2.5, 3.5, 36.5, 2.4999, 2.5001].map(pythonRound)).toEqual([0, 2, 2, 4, 36, 2, 3]);
  });
});

describe('smartResize (factor 28, 256·28² .. 1280·28²)', () => {
  it('keeps a size inside the limits, each side rounded to a multiple of 28', () => {
    // 640/28 = 22.857 -> 23 -> 644; 480/28 = 17.142 -> 17 -> 476; 644*476 = 306,544 lies in [200,704, 1,003,520]
    expect(smartResize(480, 640)).toEqual({ width: 644, height: 476 });
  });
  it('rounds a side of exactly n + 0.5 factors to the even multiple', () => {
    // 518/28 = 18.5 -> Python rounds to 18 (504), Math.round would give 19 (532); 700/28 = 25 -> 700
    expect(smartResize(518, 700)).toEqual({ width: 700, height: 504 });
  });
  it('scales a large image down with floor', () => {
    // 1024x1024: 1036² = 1,073,296 > 1,003,520; beta = sqrt(1024²/1,003,520) = 1.02220; 1024/beta/28 = 35.777 -> 35 -> 980
    expect(smartResize(1024, 1024)).toEqual({ width: 980, height: 980 });
    // 1920x1080: beta = sqrt(2,073,600/1,003,520) = 1.43747; 1080/beta/28 = 26.83 -> 26 -> 728; 1920/beta/28 = 47.70 -> 47 -> 1316
    expect(smartResize(1080, 1920)).toEqual({ width: 1316, height: 728 });
  });
  it('scales a small image up with ceil', () => {
    // 100x100 -> 112² = 12,544 < 200,704; beta = sqrt(200,704/10,000) = 4.48; 448/28 = 16 exactly -> 448
    expect(smartResize(100, 100)).toEqual({ width: 448, height: 448 });
    // 300x200: 308*196 = 60,368 < 200,704; beta = sqrt(200,704/60,000) = 1.82894; 200*beta/28 = 13.06 -> 14 -> 392; 300*beta/28 = 19.60 -> 20 -> 560
    expect(smartResize(200, 300)).toEqual({ width: 560, height: 392 });
  });
  it('takes other limits', () => {
    expect(smartResize(1024, 1024, { maxPixels: 16 * 28 * 28, minPixels: 4 * 28 * 28 })).toEqual({ width: 112, height: 112 });
  });
  it('refuses what smart_resize refuses', () => {
    expect(() => smartResize(10, 2001)).toThrow(RangeError);
    expect(() => smartResize(0, 10)).toThrow(RangeError);
  });
});

describe('boxes between image and model pixels', () => {
  it('truncates toward zero and clamps to size - 1, as eval.py writes the hint', () => {
    // image 640x480 -> model 644x476: 100/640*644 = 100.625 -> 100; 50/480*476 = 49.58 -> 49; 639.9/640*644 = 643.899 -> 643;
    // 480/480*476 = 476 -> clamped 475; a negative x -> int(-0.6) = 0 -> 0
    const model = { width: 644, height: 476 };
    expect(boxesToModelPixels([[100, 50, 639.9, 480]], 640, 480, model)).toEqual([[100, 49, 643, 475]]);
    expect(boxesToModelPixels([[-0.6, 0, 700, 10]], 640, 480, model)).toEqual([[0, 0, 643, 9]]);
  });
  it('rescales an answer back without rounding', () => {
    // 322/644*640 = 320; 238/476*480 = 240
    expect(boxesFromModelPixels([[322, 238, 644, 476]], { width: 644, height: 476 }, 640, 480)).toEqual([[320, 240, 640, 480]]);
  });
});
