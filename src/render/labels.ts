// Where each box's label goes: above the box, else inside it, always inside the frame, nudged off earlier labels.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelRequest {
  /** The box as drawn (already clamped to the frame). */
  box: Rect;
  /** Label size in px. */
  w: number;
  h: number;
  /** An area the label should not cover (a zero-size box's marker). */
  avoid?: Rect;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clampInto(r: Rect, fw: number, fh: number): Rect {
  return {
    ...r,
    x: Math.max(0, Math.min(r.x, fw - r.w)),
    y: Math.max(0, Math.min(r.y, fh - r.h)),
  };
}

function candidates(req: LabelRequest): Rect[] {
  const { box, w, h } = req;
  const at = (x: number, y: number): Rect => ({ x, y, w, h });
  const base = [
    at(box.x, box.y - h), // above, left-aligned: the usual spot
    at(box.x, box.y), // inside, top-left
    at(box.x + box.w - w, box.y - h), // above, right-aligned
    at(box.x, box.y + box.h), // below
    at(box.x, box.y + box.h - h), // inside, bottom-left
  ];
  const out = [...base];
  // Nudges: step down then up from the two preferred spots, then sideways.
  for (let k = 1; k <= 8; k++) {
    for (const b of base.slice(0, 2)) out.push(at(b.x, b.y + k * h), at(b.x, b.y - k * h));
  }
  for (let k = 1; k <= 4; k++) out.push(at(box.x + k * w, box.y - h), at(box.x - k * w, box.y - h));
  return out;
}

/** Above this many labels (real samples have at most ~68) each goes to its first spot: the search is quadratic. */
export const MAX_SEARCHED_LABELS = 300;

/** One rectangle per request, in order; each lies inside the frame when it fits, and overlaps earlier ones as little as possible. */
export function placeLabels(requests: LabelRequest[], frameW: number, frameH: number): Rect[] {
  if (requests.length > MAX_SEARCHED_LABELS) return requests.map((req) => clampInto(candidates(req)[0], frameW, frameH));
  const placed: Rect[] = [];
  for (const req of requests) {
    let best: Rect | null = null;
    let bestCost = Infinity;
    for (const c of candidates(req)) {
      const r = clampInto(c, frameW, frameH);
      let cost = req.avoid ? overlap(r, req.avoid) : 0;
      for (const p of placed) cost += overlap(r, p);
      if (cost < bestCost) {
        best = r;
        bestCost = cost;
        if (cost === 0) break;
      }
    }
    placed.push(best!);
  }
  return placed;
}
