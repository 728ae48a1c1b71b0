// Splits text into runs drawn by one font each: emoji (colour font), text (DejaVu) and glyphs no bundled font has.

export type RunKind = 'text' | 'emoji' | 'missing';

export interface Run {
  kind: RunKind;
  text: string;
}

// An emoji: a presentation-default pictograph, a pictograph forced by VS16, ⚠ (normalised), or a flag; then modifiers/ZWJ parts.
const EMOJI_CLUSTER =
  /(?:\p{Regional_Indicator}{2}|[#*0-9]\uFE0F\u20E3|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\u26A0)[\u{1F3FB}-\u{1F3FF}]?\uFE0F?(?:\u200D\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}]?\uFE0F?)*)/u;

// Scripts DejaVu Sans lacks; shown as code-point boxes rather than tofu. CJK, kana, hangul, fullwidth forms, Indic, Thai...
const MISSING =
  /[\u0900-\u0DFF\u0E00-\u0FFF\u1000-\u109F\u1100-\u11FF\u1780-\u17FF\u2E80-\u2FFF\u3000-\u303F\u3040-\u31FF\u3200-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;

const SPLIT = new RegExp(`(${EMOJI_CLUSTER.source})|(${MISSING.source})`, 'gu');

/** ⚠ without VS16 would be drawn as a monochrome text glyph: always ask for the emoji form. */
export function normaliseEmoji(cluster: string): string {
  return cluster === '\u26A0' ? '\u26A0\uFE0F' : cluster;
}

/** Text runs, one emoji per emoji run, one code point per missing run. Stray VS16 selectors are dropped. */
export function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  let last = 0;
  const pushText = (s: string) => {
    const clean = s.replace(/[\uFE0E\uFE0F]/g, '');
    if (clean) {
      const prev = runs[runs.length - 1];
      if (prev && prev.kind === 'text') prev.text += clean;
      else runs.push({ kind: 'text', text: clean });
    }
  };
  for (const m of text.matchAll(SPLIT)) {
    pushText(text.slice(last, m.index));
    if (m[1] !== undefined) runs.push({ kind: 'emoji', text: normaliseEmoji(m[1]) });
    else runs.push({ kind: 'missing', text: m[0] });
    last = m.index! + m[0].length;
  }
  pushText(text.slice(last));
  return runs;
}

/** What a missing glyph is drawn as: its code point, e.g. `4E2D`. */
export function missingLabel(ch: string): string {
  return ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}
