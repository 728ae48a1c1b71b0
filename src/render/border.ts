// When a box counts as past the image border: one rule for the picture (its cut-side marks) and the findings.

/** Boxes may overshoot the image by rounding (y+h = 1024.3); beyond this, in source pixels, they are past the border. */
export function borderTolerance(side: number): number {
  return Math.max(2, side * 0.01);
}
