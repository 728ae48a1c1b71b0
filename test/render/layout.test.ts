// Pure layout: text runs, wrapping, column flow, label placement, colours. No fonts needed.
import { describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/index.js';
import { candidateColor, contrastText, luminance, readableOnWhite } from '../../src/render/colors.js';
import { balanceColumns, flowIntoColumns } from '../../src/render/columns.js';
import { panelScale } from '../../src/render/decode.js';
import { buildFooter, consistencyPieces, truncateKey } from '../../src/render/footer.js';
import { placeLabels, type Rect } from '../../src/render/labels.js';
import { buildReasoning, segmentThink } from '../../src/render/reasoning.js';
import { splitRuns } from '../../src/render/text-runs.js';
import { wrapParagraphs, type Measure, type Paragraph } from '../../src/render/wrap.js';
import { longThink, makeSample, TYPICAL_THINK } from './_helpers.js';

// Monospace stand-in: 10 px a character, 20 px an emoji, 14 px a missing glyph.
const mono: Measure = (text, kind) => Array.from(text).length * (kind === 'emoji' ? 20 : kind === 'missing' ? 14 : 10);

const nonSpace = (s: string) => s.replace(/[\s\uFE0F]/g, '');

describe('splitRuns', () => {
  it('puts each emoji in its own run and normalises bare ⚠ to ⚠️', () => {
    expect(splitRuns('Person 1 → ✅, Person 2 ⚠ and ⚠️ ❌')).toEqual([
      { kind: 'text', text: 'Person 1 → ' },
      { kind: 'emoji', text: '✅' },
      { kind: 'text', text: ', Person 2 ' },
      { kind: 'emoji', text: '⚠️' },
      { kind: 'text', text: ' and ' },
      { kind: 'emoji', text: '⚠️' },
      { kind: 'text', text: ' ' },
      { kind: 'emoji', text: '❌' },
    ]);
  });
  it('keeps text-style symbols (→ ≤ ✓ ©) as text and ZWJ sequences whole', () => {
    expect(splitRuns('a → b ≤ c ✓ ©')).toEqual([{ kind: 'text', text: 'a → b ≤ c ✓ ©' }]);
    expect(splitRuns('👩‍👧 x')).toEqual([{ kind: 'emoji', text: '👩‍👧' }, { kind: 'text', text: ' x' }]);
  });
  it('marks CJK characters as missing glyphs, one per run', () => {
    expect(splitRuns('牵手 ok')).toEqual([
      { kind: 'missing', text: '牵' },
      { kind: 'missing', text: '手' },
      { kind: 'text', text: ' ok' },
    ]);
  });
});

describe('wrapParagraphs', () => {
  const para = (text: string, extra: Partial<Paragraph> = {}): Paragraph => ({ pieces: [{ text }], size: 10, lineHeight: 14, color: '#000000', ...extra });

  it('keeps every non-space character, in order, within the width', () => {
    const text = 'the quick brown fox jumps over the lazy dog → ✅ and a verylongwordthatcannotfitonasingleline at all';
    const lines = wrapParagraphs([para(text)], 200, mono);
    expect(lines.length).toBeGreaterThan(3);
    expect(nonSpace(lines.flatMap((l) => l.runs.map((r) => r.text)).join(''))).toBe(nonSpace(text));
    for (const l of lines) {
      for (const r of l.runs) expect(r.x + r.width).toBeLessThanOrEqual(200 + 1e-9);
      expect(l.runs[0].text.startsWith(' ')).toBe(false);
    }
  });
  it('indents continuation lines of a bullet under its text', () => {
    const lines = wrapParagraphs([para('- Person 1: standing on the far left, not holding hands → ❌', { hangChars: 2 })], 200, mono);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0].runs[0].x).toBe(0);
    expect(lines[1].runs[0].x).toBe(20);
  });
  it('breaks CJK text between characters and measures emoji with the emoji width', () => {
    const lines = wrapParagraphs([para('牵手的两个人牵手的两个人牵手的两个人')], 100, mono);
    expect(lines.length).toBe(Math.ceil((18 * 14) / 98));
    const e = wrapParagraphs([para('✅✅')], 100, mono);
    expect(e[0].width).toBe(40);
  });
  it('never separates a mark from the word before it', () => {
    const lines = wrapParagraphs([para('- Person 4: wearing a red shirt. → ⚠️')], 330, mono);
    expect(lines).toHaveLength(2);
    expect(lines[1].runs.map((r) => r.text).join('')).toBe('→ ⚠️');
    const bare = wrapParagraphs([para('aaaa bbbb ✅')], 95, mono);
    expect(bare.map((l) => l.runs.map((r) => r.text).join(''))).toEqual(['aaaa', 'bbbb ✅']);
  });
  it('never breaks inside a mention (no-break space)', () => {
    const lines = wrapParagraphs([{ ...para(''), pieces: [{ text: 'aaaa bbbb ' }, { text: 'Person\u00A012', bold: true }] }], 120, mono);
    expect(lines.map((l) => l.runs.map((r) => r.text).join(''))).toEqual(['aaaa bbbb', 'Person\u00A012']);
  });
  it('merges neighbouring runs of one style', () => {
    const lines = wrapParagraphs([{ ...para(''), pieces: [{ text: 'a b ' }, { text: 'c' }, { text: 'Person\u00A02', bold: true, color: '#ff0000' }] }], 500, mono);
    expect(lines[0].runs.map((r) => r.text)).toEqual(['a b c', 'Person\u00A02']);
  });
});

describe('columns', () => {
  const lines = (n: number, h = 10) => wrapParagraphs(Array.from({ length: n }, (_, i) => ({ pieces: [{ text: `line ${i}` }], size: 10, lineHeight: h, color: '#000' })), 1000, mono);

  it('stays in one column when everything fits', () => {
    const f = balanceColumns(lines(10), 200);
    expect(f.columns).toBe(1);
    expect(f.height).toBe(100);
  });
  it('adds columns instead of growing past the limit, keeps every line, and balances them', () => {
    const all = lines(250);
    const f = balanceColumns(all, 1000);
    expect(f.columns).toBe(3);
    expect(f.lines).toHaveLength(250);
    expect(f.height).toBeLessThanOrEqual(1000);
    expect(f.height).toBeLessThanOrEqual(Math.ceil(2500 / 3) + 10);
    for (const l of f.lines) expect(l.y + l.line.height).toBeLessThanOrEqual(f.height);
  });
  it('does not split a short paragraph across columns', () => {
    const para = (text: string): Paragraph => ({ pieces: [{ text }], size: 10, lineHeight: 10, color: '#000' });
    // 7 one-line paragraphs, then one of 3 lines: it would start at y=70 with a limit of 90.
    const ls = wrapParagraphs([...Array.from({ length: 7 }, (_, i) => para(`p${i}`)), para('aaaa bbbb cccc')], 40, mono);
    expect(ls.slice(7).map((l) => l.paragraph)).toEqual([7, 7, 7]);
    const f = flowIntoColumns(ls, 90);
    expect(f.lines.slice(7).map((l) => l.column)).toEqual([1, 1, 1]);
  });
  it('does not leave a heading alone at the bottom of a column', () => {
    const ls = lines(12);
    ls[9] = { ...ls[9], keepWithNext: true };
    const f = flowIntoColumns(ls, 100);
    expect(f.lines[9].column).toBe(f.lines[10].column);
  });
});

describe('placeLabels', () => {
  const frame = { w: 400, h: 300 };
  it('puts a label above its box, or inside it when the box touches the top', () => {
    const [a, b] = placeLabels([
      { box: { x: 50, y: 100, w: 80, h: 80 }, w: 60, h: 16 },
      { box: { x: 250, y: 0, w: 80, h: 80 }, w: 60, h: 16 },
    ], frame.w, frame.h);
    expect(a).toEqual({ x: 50, y: 84, w: 60, h: 16 });
    expect(b).toEqual({ x: 250, y: 0, w: 60, h: 16 });
  });
  it('keeps labels inside the frame and apart, even for stacked boxes at the edge', () => {
    const reqs = Array.from({ length: 8 }, (_, i) => ({ box: { x: 370, y: 5 + i * 3, w: 60, h: 60 }, w: 70, h: 16 }));
    const rects = placeLabels(reqs, frame.w, frame.h);
    const inter = (p: Rect, q: Rect) => Math.min(p.x + p.w, q.x + q.w) > Math.max(p.x, q.x) && Math.min(p.y + p.h, q.y + q.h) > Math.max(p.y, q.y);
    rects.forEach((r, i) => {
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.x + r.w).toBeLessThanOrEqual(frame.w);
      expect(r.y + r.h).toBeLessThanOrEqual(frame.h);
      for (let j = 0; j < i; j++) expect(inter(r, rects[j])).toBe(false);
    });
  });
  it('keeps a label off the area it must avoid', () => {
    const marker = { x: 90, y: 0, w: 20, h: 20 };
    const [r] = placeLabels([{ box: marker, w: 60, h: 16, avoid: marker }], frame.w, frame.h);
    expect(r.y).toBeGreaterThanOrEqual(20);
  });
});

describe('colours', () => {
  it('colours by verdict hue, stably per person', () => {
    const hue = (c: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
      return { r, g, b };
    };
    for (let n = 1; n <= 9; n++) {
      expect(candidateColor(n, '✅')).toBe(candidateColor(n, '✅'));
      const ok = hue(candidateColor(n, '✅'));
      expect(ok.g).toBeGreaterThan(ok.r);
      const bad = hue(candidateColor(n, '❌'));
      expect(bad.r).toBeGreaterThan(bad.g + 100);
      const warn = hue(candidateColor(n, '⚠️'));
      expect(warn.r).toBeGreaterThan(200);
      expect(warn.b).toBeLessThan(60);
      const none = hue(candidateColor(n, null));
      expect(Math.max(none.r, none.g, none.b) - Math.min(none.r, none.g, none.b)).toBeLessThan(25);
    }
    expect(candidateColor(1, '✅')).not.toBe(candidateColor(2, '✅'));
  });
  it('picks contrasting label text and darkens light colours for text on white', () => {
    expect(contrastText('#d7191c')).toBe('#ffffff');
    expect(contrastText('#f0a500')).toBe('#000000');
    const amber = readableOnWhite('#f0a500');
    expect(1.05 / (luminance(amber) + 0.05)).toBeGreaterThanOrEqual(3.5);
  });
});

describe('reasoning panel content', () => {
  const rm = { 'the two people holding hands': [1, 3] };
  it('covers the whole think text in order, with sections for planning, steps and summary', () => {
    for (const think of [TYPICAL_THINK, longThink(40), 'free text the parser cannot place\n# Step 1: x\n- Person 1: y → ✅\ntrailing words']) {
      const cot = parseChainOfThought(think, 40, rm);
      const segs = segmentThink(think, cot);
      expect(segs[0].start).toBe(0);
      expect(segs[segs.length - 1].end).toBe(think.length);
      for (let i = 1; i < segs.length; i++) expect(segs[i].start).toBe(segs[i - 1].end);
      const paras = buildReasoning(think, cot, { size: 16 });
      const shown = nonSpace(paras.map((p) => p.pieces.map((x) => x.text).join('')).join(''));
      // Only the markdown `#` of headers is not shown.
      let at = 0;
      for (const ch of nonSpace(think).replace(/#/g, '')) {
        at = shown.indexOf(ch, at);
        expect(at).toBeGreaterThanOrEqual(0);
        at++;
      }
    }
  });
  it('colours mentions like their boxes', () => {
    const cot = parseChainOfThought(TYPICAL_THINK, 4, rm);
    const paras = buildReasoning(TYPICAL_THINK, cot, { size: 16 });
    const p2 = paras.flatMap((p) => p.pieces).filter((x) => x.text === 'Person\u00A02');
    expect(p2.length).toBeGreaterThan(2);
    for (const x of p2) expect(x.color).toBe(readableOnWhite(candidateColor(2, '✅')));
  });
});

describe('grouped summary lines (item 16)', () => {
  it('colour every person a grouped subject names, each like its own box', () => {
    const think = 'OK.\n# Step 1: Look\n- Person 1: a → ❌\n# Summarize and Re-Check answer\n- Person 1, 3, 4: x → ❌\n- Person 6-7: y → ✅\n- Person 9-12: z → ❌\n- Person 2,5 and 8: q → ❌';
    const cot = parseChainOfThought(think, 12, {});
    const summary = buildReasoning(think, cot, { size: 16 }).filter((p) => /[-]\s|Person/.test(p.pieces.map((x) => x.text).join('')));
    const coloured = (line: string) => {
      const para = summary.find((p) => p.pieces.map((x) => x.text).join('').replace(/\u00A0/g, ' ').startsWith(line))!;
      return para.pieces.filter((x) => x.bold).map((x) => [x.text.replace(/\u00A0/g, ' '), x.color]);
    };
    const colour = (n: number) => readableOnWhite(candidateColor(n, cot.verdicts[n - 1] ?? null));
    expect(coloured('- Person 1, 3, 4')).toEqual([['Person 1', colour(1)], ['3', colour(3)], ['4', colour(4)]]);
    expect(coloured('- Person 6-7')).toEqual([['Person 6', colour(6)], ['7', colour(7)]]);
    expect(coloured('- Person 9-12')).toEqual([['Person 9', colour(9)], ['12', colour(12)]]);
    expect(coloured('- Person 2,5 and 8')).toEqual([['Person 2', colour(2)], ['5', colour(5)], ['8', colour(8)]]);
    expect(colour(3)).not.toBe(colour(1));
  });
});

describe('footer text', () => {
  it('names the persons that differ', () => {
    const cot = parseChainOfThought(TYPICAL_THINK, 4, { e: [1, 2] });
    expect(consistencyPieces(cot).map((p) => p.text).join('').replace(/\u00A0/g, ' ')).toBe(
      '✗ inconsistent: region_map targets Person 2, 3; text marks ✅ Person 2, 4 (only in region_map: 3; only in text: 4)',
    );
    const ok = parseChainOfThought(TYPICAL_THINK, 4, { e: [1, 3] });
    expect(consistencyPieces(ok).map((p) => p.text).join('').replace(/\u00A0/g, ' ')).toBe('✓ consistent: region_map targets Person 2, 4 = text marks ✅ Person 2, 4');
  });
  it('marks rejections', () => {
    const think = TYPICAL_THINK.replace(/\u2705/g, '\u274c');
    const text = consistencyPieces(parseChainOfThought(think, 4, { e: [] })).map((p) => p.text).join('');
    expect(text).toBe('✓ consistent: no target (rejection) = text marks ✅ nobody');
  });
  it("lists the caller's warnings (data findings included) instead of the parser's alone", () => {
    const cot = parseChainOfThought(TYPICAL_THINK, 4, { e: [1, 3] });
    const sample = makeSample(Buffer.alloc(0), [[0, 0, 10, 10]], TYPICAL_THINK, { e: [1, 3] });
    const text = (warnings?: string[]) =>
      buildFooter(sample, cot, { sourceWidth: 100, sourceHeight: 80, scale: 1, missingGlyphs: false, warnings }, 14)
        .map((p) => p.pieces.map((x) => x.text).join(''))
        .join('\n');
    expect(text()).toContain('no parser warnings');
    expect(text([])).toContain('no warnings');
    const two = text(['Person 3: zero-size box (w=0, h=5)', 'reasoning: no summary found']);
    expect(two).toContain('⚠️ 2 warnings: Person 3: zero-size box (w=0, h=5)');
    expect(two).toContain('reasoning: no summary found');
  });
  it('truncates long keys in the middle', () => {
    expect(truncateKey('k'.repeat(30))).toBe('k'.repeat(30));
    const t = truncateKey('a'.repeat(40) + 'b'.repeat(40));
    expect(Array.from(t)).toHaveLength(47);
    expect(t).toMatch(/^a+…b+$/);
  });
});

describe('panelScale', () => {
  it('scales down above maxSide, up when tiny, never past maxSide', () => {
    expect(panelScale(1024, 768, 2048)).toBe(1);
    expect(panelScale(4096, 1000, 2048)).toBe(0.5);
    expect(panelScale(200, 100, 2048)).toBe(4);
    expect(panelScale(3000, 100, 2048)).toBeCloseTo(2048 / 3000);
  });
});
