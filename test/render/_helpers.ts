// Test data for the renderer: images made with sharp, think texts, and a small stand-in parser for ParsedCot.
import sharp from 'sharp';
import type { Mark, Mention, ParsedCot, Sample, CotLine, CotStep } from '../../src/types.js';
import type { Measure } from '../../src/render/wrap.js';

const MARK = /(✅|❌|⚠️|⚠)\s*$/u;

function markOf(text: string): Mark | null {
  const m = MARK.exec(text);
  if (!m) return null;
  return m[1] === '⚠' ? '⚠️' : (m[1] as Mark);
}

function linesIn(think: string, start: number, end: number): CotLine[] {
  const out: CotLine[] = [];
  let p = start;
  for (const raw of think.slice(start, end).split('\n')) {
    const m = /^\s*-?\s*Person (\d+):/i.exec(raw);
    if (m) {
      out.push({ start: p, end: p + raw.length, subjects: [Number(m[1])], subjectKind: 'single', mark: markOf(raw), text: raw });
    }
    p += raw.length + 1;
  }
  return out;
}

/** Good enough for rendering tests: headers `# Step N:` and `# Summarize`, lines `- Person N: ... → mark`. */
export function fakeParse(think: string, candidates: number, regionMap: Record<string, number[]>): ParsedCot {
  const mentions: Mention[] = [];
  for (const m of think.matchAll(/\b(Person|person) (\d+)/g)) {
    mentions.push({ start: m.index!, end: m.index! + m[0].length, noun: m[1], person: Number(m[2]) });
  }
  const heads = [...think.matchAll(/^# *Step *(\d+):?(.*)$/gm)];
  const sumIdx = think.search(/^# Summarize/m);
  const planEnd = heads.length ? heads[0].index! : sumIdx >= 0 ? sumIdx : think.length;
  const steps: CotStep[] = heads.map((h, i) => {
    const end = i + 1 < heads.length ? heads[i + 1].index! : sumIdx >= 0 ? sumIdx : think.length;
    return { start: h.index!, end, number: Number(h[1]), title: h[2].trim(), intro: '', lines: linesIn(think, h.index!, end) };
  });
  const summary = sumIdx >= 0
    ? { start: sumIdx, end: think.length, header: '# Summarize and Re-Check answer', intro: '', lines: linesIn(think, sumIdx, think.length) }
    : null;
  const verdicts: (Mark | null)[] = Array.from({ length: candidates }, () => null);
  for (const st of steps) for (const l of st.lines) if (l.mark) verdicts[l.subjects[0] - 1] = l.mark;
  if (summary) for (const l of summary.lines) if (l.subjects[0] <= candidates) verdicts[l.subjects[0] - 1] = l.mark;
  const targets = [...new Set(Object.values(regionMap).flat().map((i) => i + 1))].sort((a, b) => a - b);
  const cotTargets = verdicts.flatMap((v, i) => (v === '✅' ? [i + 1] : []));
  const onlyInRegionMap = targets.filter((t) => !cotTargets.includes(t));
  const onlyInCot = cotTargets.filter((t) => !targets.includes(t));
  return {
    expressions: Object.keys(regionMap),
    planning: { start: 0, end: planEnd, text: think.slice(0, planEnd) },
    plan: [],
    steps,
    summary,
    verdicts,
    mentions,
    noun: 'Person',
    targets,
    cotTargets,
    consistency: { consistent: !onlyInRegionMap.length && !onlyInCot.length, onlyInRegionMap, onlyInCot },
    warnings: [],
  };
}

export function makeSample(image: Buffer, gtBoxes: [number, number, number, number][], think: string, regionMap: Record<string, number[]>, extra: Partial<Sample> = {}): Sample {
  return {
    split: 'main',
    index: 7,
    annOffset: 1234,
    imgOffset: 987654,
    annotation: { gtBoxes, regionMap, think, extra: {} },
    imageKey: 'img-0007',
    image,
    imageFormat: 'jpeg',
    ...extra,
  };
}

/** A mid-gray noisy photo-like background, deterministic. */
export async function noisyJpeg(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let s = 12345;
  for (let i = 0; i < raw.length; i += 3) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const v = 90 + (s % 60);
    const x = (i / 3) % width;
    raw[i] = v + Math.round((x / width) * 40);
    raw[i + 1] = v;
    raw[i + 2] = v + 20;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

export async function solidPng(width: number, height: number, rgb: [number, number, number]): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } }).png().toBuffer();
}

export const TYPICAL_THINK = [
  'OK, the user needs us to detect the two people holding hands. To accomplish this task, I need to break it down into the following steps:',
  '- Step 1: Identify the pair of people engaged in a hand-holding interaction.',
  '',
  '# Step 1: Identify the pair of people engaged in a hand-holding interaction.',
  'I see four people in this image. Let\u2019s look at their interactions:',
  '- Person 1: Standing on the far left, has her arm around Person 2, but not holding hands with anyone. \u2192 \u274c',
  '- Person 2: In a white dress, holding hands with Person 4 while looking at the camera and smiling. \u2192 \u2705',
  '- Person 3: A man in a dark suit standing slightly behind the others, hands in his pockets. \u2192 \u26a0',
  '- Person 4: Holding hands with Person 2. \u2192 \u2705',
  'So Person 2 and Person 4 are the two people holding hands.',
  '',
  '# Summarize and Re-Check answer',
  'Let\u2019s now recheck our answer and put \u2705 for the target person and \u274c for others',
  '- Person 1: Arm around Person 2, no hand-holding \u2192 \u274c',
  '- Person 2: Holding hands with Person 4 \u2192 \u2705',
  '- Person 3: Hands in pockets, the reference for \u201cnext to\u201d \u2192 \u26a0\ufe0f',
  '- Person 4: Holding hands with Person 2 \u2192 \u2705',
].join('\n');

/** ~8 KB: 40 candidates, two steps and a summary. */
export function longThink(n = 40): string {
  const out = [
    'OK, the user needs us to detect the person wearing a red helmet and riding a bicycle. To accomplish this task, I need to break it down into the following steps:',
    '- Step 1: Find people wearing a red helmet.',
    '- Step 2: Among them, find who is riding a bicycle.',
    '',
    '# Step 1: Find people wearing a red helmet.',
    `There are ${n} people in this crowded street scene, many of them partly hidden by others. Let me check the head of each one for a helmet and its colour:`,
  ];
  for (let i = 1; i <= n; i++) out.push(`- Person ${i}: ${i % 7 === 0 ? 'Wears a red helmet, clearly visible above the crowd near the crossing' : 'No helmet, dark hair visible, walking along the sidewalk by the shop windows'} \u2192 ${i % 7 === 0 ? '\u2705' : '\u274c'}`);
  out.push('', '# Step 2: Among them, find who is riding a bicycle.');
  for (let i = 7; i <= n; i += 7) out.push(`- Person ${i}: ${i === 14 ? 'Standing next to a parked bicycle, not riding it' : 'Pedalling a bicycle in the bike lane'} \u2192 ${i === 14 ? '\u26a0\ufe0f' : '\u2705'}`);
  out.push('', '# Summarize and Re-Check answer', 'Let\u2019s now recheck our answer and put \u2705 for the target person and \u274c for others');
  for (let i = 1; i <= n; i++) out.push(`- Person ${i}: ${i % 7 === 0 ? (i === 14 ? 'red helmet but standing beside the bicycle, not riding' : 'red helmet, riding a bicycle in the bike lane') : 'no red helmet, walking on foot, so not the person described'} \u2192 ${i % 7 === 0 && i !== 14 ? '\u2705' : '\u274c'}`);
  return out.join('\n');
}

/** n boxes on a grid inside w×h. */
export function gridBoxes(n: number, w: number, h: number): [number, number, number, number][] {
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const cw = w / cols;
  const ch = h / rows;
  return Array.from({ length: n }, (_, i) => [(i % cols) * cw + cw * 0.1, Math.floor(i / cols) * ch + ch * 0.15, cw * 0.75, ch * 0.8] as [number, number, number, number]);
}

/** Monospace stand-in for text measuring: 10 px a character, 20 px an emoji, 14 px a missing glyph. */
export const mono: Measure = (text, kind) => Array.from(text).length * (kind === 'emoji' ? 20 : kind === 'missing' ? 14 : 10);

/** The visible characters of a text (no whitespace, no emoji variation selector). */
export const nonSpace = (s: string) => s.replace(/[\s\uFE0F]/g, '');
