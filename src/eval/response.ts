// A model's raw_response -> its <think> text (for the chain-of-thought parser) and its <answer> (boxes and labels).
import { formatRewardProblem } from './format-reward.js';
import { PY_SPACE } from './py-space.js';

export interface AnswerBox {
  bbox: number[];
  label: string;
}

export interface ParsedResponse {
  /** The reasoning between <think> and </think>; text before <answer> when the tags are missing; '' when none. */
  think: string;
  /**
   * The text between <answer> and </answer> (to the end when unclosed), trimmed; a bare `json` line before the
   * JSON (a code fence without its backticks) is dropped. null without an <answer> tag.
   */
  answer: string | null;
  /** Where the answer's text lies in the raw response (inside the tags), or null. */
  answerRange: { start: number; end: number } | null;
  /** `bbox_2d` entries of the answer's JSON (model input pixels); null when the answer holds no such JSON. */
  answerBoxes: AnswerBox[] | null;
  /** The answer says there is no such person (`None`, "There is no such thing in the image.", `[]`). */
  saysNone: boolean;
  /** Each tag pair present and closed. */
  tagsClosed: { think: boolean; answer: boolean };
  /** Why upstream's format reward (reward_func.py) would give this response 0, or null when it gives 1. */
  formatProblem: string | null;
  /** What did not look as expected (missing tags ...), for the picture's footer. */
  notes: string[];
}

// Tags as upstream's reward reads them: spaces around `<`, `>` and `/` do not count (`< think >`, `< / answer >`).
const tag = (name: string, closing: boolean) => new RegExp(`<${PY_SPACE}*${closing ? `/${PY_SPACE}*` : ''}${name}${PY_SPACE}*>`, 'g');
const TAGS = { think: [tag('think', false), tag('think', true)], answer: [tag('answer', false), tag('answer', true)] } as const;

function between(text: string, name: keyof typeof TAGS): { inner: string; start: number; from: number; to: number; closed: boolean } | null {
  const [open, close] = TAGS[name];
  open.lastIndex = 0;
  const o = open.exec(text);
  if (!o) return null;
  const from = o.index + o[0].length;
  close.lastIndex = from;
  const c = close.exec(text);
  const to = c ? c.index : text.length;
  return { inner: text.slice(from, to), start: o.index, from, to, closed: c !== null };
}

/** `json` alone on the answer's first line, then the JSON: how Rex-Thinker's README demo writes its answer. */
const BARE_LANGUAGE_LINE = /^json[ \t]*\r?\n(?=\s*[[{])/i;

function answerJson(answer: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(answer);
  const body = (fenced ? fenced[1] : answer).trim();
  if (!body.startsWith('[') && !body.startsWith('{')) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function toAnswerBoxes(json: unknown): AnswerBox[] | null {
  const list = Array.isArray(json) ? json : json && typeof json === 'object' ? [json] : null;
  if (!list) return null;
  const out: AnswerBox[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const bbox = (item as Record<string, unknown>).bbox_2d;
    if (!Array.isArray(bbox) || !bbox.every((v) => typeof v === 'number')) continue;
    const label = (item as Record<string, unknown>).label;
    out.push({ bbox: bbox as number[], label: typeof label === 'string' ? label : '' });
  }
  return out;
}

export function parseRawResponse(raw: string): ParsedResponse {
  const text = typeof raw === 'string' ? raw : '';
  const notes: string[] = [];
  const think = between(text, 'think');
  const answer = between(text, 'answer');
  let thinkText: string;
  if (think) {
    thinkText = think.inner;
    if (!think.closed) notes.push('<think> is not closed');
  } else {
    thinkText = answer ? text.slice(0, answer.start) : '';
    if (text.trim() !== '') notes.push('no <think> tag');
  }
  if (!answer && text.trim() !== '') notes.push('no <answer> tag');
  else if (answer && !answer.closed) notes.push('<answer> is not closed');
  const answerText = answer ? answer.inner.trim().replace(BARE_LANGUAGE_LINE, '') : null;
  const json = answerText === null ? undefined : answerJson(answerText);
  const answerBoxes = json === undefined ? null : toAnswerBoxes(json);
  const saysNone =
    answerText !== null &&
    (/^(?:none|null)\.?$/i.test(answerText) || /no such (?:thing|person|object)/i.test(answerText) || (answerBoxes !== null && answerBoxes.length === 0));
  const formatProblem = text.trim() === '' ? null : formatRewardProblem(text);
  // A missing or unclosed tag is noted above, and costs the reward too; the other shapes are said here.
  if (formatProblem && notes.length === 0) notes.push(`upstream's format reward would give this response 0: ${formatProblem}`);
  return {
    think: thinkText.replace(/^\s*\n/, '').replace(/\s+$/, ''),
    answer: answerText,
    answerRange: answer ? { start: answer.from, end: answer.to } : null,
    answerBoxes,
    saysNone,
    tagsClosed: { think: think?.closed ?? false, answer: answer?.closed ?? false },
    formatProblem,
    notes,
  };
}
