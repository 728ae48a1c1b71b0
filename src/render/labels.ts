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

/** A person's head: the middle of the box's width, the top of its height. Labels of other boxes keep off it when they can. */
const HEAD_SHARE = 0.22;
const HEAD_WIDTH = 0.6;
/** A covered head costs this much per pixel, against 1 for a covered label. */
const HEAD_WEIGHT = 0.35;

function headOf(box: Rect): Rect {
  const w = Math.round(box.w * HEAD_WIDTH);
  return { x: box.x + Math.round((box.w - w) / 2), y: box.y, w, h: Math.round(box.h * HEAD_SHARE) };
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

/**
 * One rectangle per request, in order; each lies inside the frame when it fits, overlaps earlier labels as little
 * as possible, and then the heads (top of the box) of the other candidates.
 */
export function placeLabels(requests: LabelRequest[], frameW: number, frameH: number): Rect[] {
  if (requests.length > MAX_SEARCHED_LABELS) return requests.map((req) => clampInto(candidates(req)[0], frameW, frameH));
  const heads = requests.map((req) => headOf(req.box));
  const placed: Rect[] = [];
  for (const [n, req] of requests.entries()) {
    let best: Rect | null = null;
    let bestCost = Infinity;
    for (const c of candidates(req)) {
      const r = clampInto(c, frameW, frameH);
      let cost = req.avoid ? overlap(r, req.avoid) : 0;
      for (const p of placed) cost += overlap(r, p);
      for (let i = 0; i < heads.length && cost < bestCost; i++) if (i !== n) cost += HEAD_WEIGHT * overlap(r, heads[i]);
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

/** A line from a label to its box, when the label had to move away from it. */
export interface Leader {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Distance from a point to the outline (not the area) of a rectangle. */
function toOutline(px: number, py: number, r: Rect): { x: number; y: number; d: number } {
  const inside = px >= r.x && px <= r.x + r.w && py >= r.y && py <= r.y + r.h;
  if (!inside) {
    const x = Math.max(r.x, Math.min(px, r.x + r.w));
    const y = Math.max(r.y, Math.min(py, r.y + r.h));
    return { x, y, d: Math.hypot(px - x, py - y) };
  }
  const options = [
    { x: r.x, y: py, d: px - r.x },
    { x: r.x + r.w, y: py, d: r.x + r.w - px },
    { x: px, y: r.y, d: py - r.y },
    { x: px, y: r.y + r.h, d: r.y + r.h - py },
  ];
  return options.reduce((a, b) => (b.d < a.d ? b : a));
}

/**
 * Whether a label sits against its box: it touches the box's outline within `slack` px (a label above the box,
 * or inside along its top edge). Otherwise the label was pushed away, and a leader line ties it to its box: from
 * the label's nearest corner or edge point to the nearest point of the box's outline.
 */
export function leaderLine(label: Rect, box: Rect, slack: number): Leader | null {
  // The label's points that count: its corners and edge midpoints.
  const points = [
    [label.x, label.y], [label.x + label.w, label.y], [label.x, label.y + label.h], [label.x + label.w, label.y + label.h],
    [label.x + label.w / 2, label.y], [label.x + label.w / 2, label.y + label.h], [label.x, label.y + label.h / 2], [label.x + label.w, label.y + label.h / 2],
  ];
  let best: Leader & { d: number } = { x1: 0, y1: 0, x2: 0, y2: 0, d: Infinity };
  for (const [px, py] of points) {
    const t = toOutline(px, py, box);
    if (t.d < best.d) best = { x1: px, y1: py, x2: t.x, y2: t.y, d: t.d };
  }
  // A label crossing the outline touches it.
  const crosses = overlap(label, box) > 0 && !(label.x > box.x && label.y > box.y && label.x + label.w < box.x + box.w && label.y + label.h < box.y + box.h);
  if (best.d <= slack || crosses) return null;
  return { x1: best.x1, y1: best.y1, x2: best.x2, y2: best.y2 };
}
