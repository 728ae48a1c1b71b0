// Splits text into runs drawn by one font each: emoji (colour font), text (DejaVu) and glyphs no bundled font has.

export type RunKind = 'text' | 'emoji' | 'missing';

export interface Run {
  kind: RunKind;
  text: string;
}

// An emoji: a presentation-default pictograph, a pictograph forced by VS16, ⚠ (normalised), or a flag; then modifiers/ZWJ parts.
const EMOJI_CLUSTER =
  /(?:\p{Regional_Indicator}{2}|[#*0-9]\uFE0F\u20E3|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\u26A0)[\u{1F3FB}-\u{1F3FF}]?\uFE0F?(?:\u200D\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}]?\uFE0F?)*)/u;

// Before the real cmap is known (pure tests): scripts DejaVu Sans lacks. CJK, kana, hangul, fullwidth forms, Indic, Thai...
const MISSING =
  /[\u0900-\u0DFF\u0E00-\u0FFF\u1000-\u109F\u1100-\u11FF\u1780-\u17FF\u2E80-\u2FFF\u3000-\u303F\u3040-\u31FF\u3200-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u;

let covered: (cp: number) => boolean = (cp) => !MISSING.test(String.fromCodePoint(cp));

/** Tells splitRuns which code points the text font has (set from its cmap when fonts are registered). */
export function setTextCoverage(fn: (cp: number) => boolean): void {
  covered = fn;
}

const EMOJI_GLOBAL = new RegExp(EMOJI_CLUSTER.source, 'gu');
// Whitespace and invisible format characters are never shown as boxes.
const ALWAYS_TEXT = /[\s\p{Cf}]/u;

/** ⚠ without VS16 would be drawn as a monochrome text glyph: always ask for the emoji form. */
export function normaliseEmoji(cluster: string): string {
  return cluster === '\u26A0' ? '\u26A0\uFE0F' : cluster;
}

/** Text runs, one emoji per emoji run, one code point per missing run. Stray VS16 selectors are dropped. */
export function splitRuns(text: string): Run[] {
  // Most lines are Basic Latin / Latin-1 only: one run, no per-character work.
  if (!/[^\u0000-\u024F]/.test(text)) return text ? [{ kind: 'text', text }] : [];
  const runs: Run[] = [];
  const pushText = (s: string) => {
    let buf = '';
    for (const ch of s) {
      if (ch === '\uFE0F' || ch === '\uFE0E') continue;
      if (ch.charCodeAt(0) < 0x250 || ALWAYS_TEXT.test(ch) || covered(ch.codePointAt(0)!)) {
        buf += ch;
        continue;
      }
      if (buf) append({ kind: 'text', text: buf });
      buf = '';
      runs.push({ kind: 'missing', text: ch });
    }
    if (buf) append({ kind: 'text', text: buf });
  };
  const append = (r: Run) => {
    const prev = runs[runs.length - 1];
    if (prev && prev.kind === 'text' && r.kind === 'text') prev.text += r.text;
    else runs.push(r);
  };
  let last = 0;
  for (const m of text.matchAll(EMOJI_GLOBAL)) {
    pushText(text.slice(last, m.index));
    runs.push({ kind: 'emoji', text: normaliseEmoji(m[0]) });
    last = m.index! + m[0].length;
  }
  pushText(text.slice(last));
  return runs;
}

/** What a missing glyph is drawn as: its code point, e.g. `4E2D`. */
export function missingLabel(ch: string): string {
  return ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}
