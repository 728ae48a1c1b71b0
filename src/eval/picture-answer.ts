// The answer section of an eval picture: the model's <answer> as lines of text, or as code (a fenced ```json block
// in the code font, on a grey band, without its fences or a stray language line).
import { INK, MUTED, type Paragraph } from '../render/index.js';

const CODE_BG = '#f3f5f8';
/** A fence line, with its language tag and anything after it on the same line. */
const FENCE = /^\s*```\s*([A-Za-z][\w+-]*)?\s*(.*)$/;
/** A language name alone on a line right after a bare fence (` ``` ` then `json`). */
const LANGUAGE = /^\s*(json|jsonc|javascript|js|python|text)\s*$/i;

export interface AnswerLine {
  text: string;
  code: boolean;
}

/**
 * The answer's lines: inside a fence they are code; outside one, prose, unless the whole unfenced answer is JSON.
 * Fences, a language tag (on the fence or alone on the next line), blank lines at a block's edges and tabs go.
 */
export function answerLines(answer: string): AnswerLine[] {
  const out: AnswerLine[] = [];
  let inCode = false;
  let fenced = false;
  let bareFence = false;
  for (const raw of answer.replace(/\r/g, '').split('\n')) {
    const line = raw.replace(/\t/g, '  ');
    const fence = FENCE.exec(line);
    if (fence) {
      fenced = true;
      if (inCode) {
        inCode = false;
        continue;
      }
      // A block may start on the fence's line, and end there too: ```json [{"bbox_2d": [1, 2, 3, 4]}]```
      const closes = /```\s*$/.test(fence[2]);
      const rest = fence[2].replace(/\s*```\s*$/, '');
      if (rest.trim()) out.push({ text: rest, code: true });
      inCode = !closes;
      bareFence = inCode && !fence[1] && !rest.trim();
      continue;
    }
    if (bareFence) {
      bareFence = false;
      if (LANGUAGE.test(line)) continue;
    }
    const end = inCode ? /^(.*?)\s*```\s*$/.exec(line) : null;
    if (end) {
      if (end[1].trim()) out.push({ text: end[1], code: true });
      inCode = false;
      continue;
    }
    out.push({ text: line, code: inCode });
  }
  let lines = out;
  if (!fenced) {
    // Unfenced JSON is code too, a language line before it (`json`) dropped.
    const first = out.findIndex((l) => l.text.trim() !== '');
    const json = first >= 0 && LANGUAGE.test(out[first].text) ? first + 1 : first;
    if (json >= 0 && /^\s*[[{]/.test(out[json]?.text ?? '')) lines = out.slice(json).map((l) => ({ ...l, code: true }));
  }
  // Blank lines go, but those inside a code block.
  return lines.filter((l, i) => l.text.trim() !== '' || (l.code && lines[i - 1]?.code && lines[i + 1]?.code));
}

export function answerParagraphs(answer: string | null, size: number): Paragraph[] {
  const p = (text: string, extra: Partial<Paragraph> = {}): Paragraph => ({ pieces: [{ text }], size, lineHeight: Math.round(size * 1.4), color: INK, ...extra });
  const lines = answer === null ? [] : answerLines(answer);
  if (lines.length === 0) return [p(answer === null ? '(no <answer> in the response)' : '(empty answer)', { color: MUTED })];
  const code = Math.round(size * 0.9);
  return lines.map((l, i) => {
    if (!l.code) return p(l.text, { hangChars: 0 });
    // A wrapped code line goes on two characters further in than it starts; a block stands off what is above it.
    const indent = /^ */.exec(l.text)![0].length;
    const first = !lines[i - 1]?.code;
    return p(l.text, { size: code, lineHeight: Math.round(code * 1.35), mono: true, band: CODE_BG, hangChars: indent + 2, spaceBefore: first ? Math.round(size * 0.4) : 0 });
  });
}
