// A model's raw_response -> its <think> text (for the chain-of-thought parser) and its <answer> (boxes and labels).

export interface AnswerBox {
  bbox: number[];
  label: string;
}

export interface ParsedResponse {
  /** The reasoning between <think> and </think>; text before <answer> when the tags are missing; '' when none. */
  think: string;
  /** The text between <answer> and </answer> (to the end when unclosed); null without an <answer> tag. */
  answer: string | null;
  /** `bbox_2d` entries of the answer's JSON (model input pixels); null when the answer holds no such JSON. */
  answerBoxes: AnswerBox[] | null;
  /** The answer says there is no such person (`None`, "There is no such thing in the image.", `[]`). */
  saysNone: boolean;
  /** What did not look as expected (missing tags ...), for the picture's footer. */
  notes: string[];
}

function between(text: string, open: string, close: string): { inner: string; start: number; closed: boolean } | null {
  const start = text.indexOf(open);
  if (start < 0) return null;
  const from = start + open.length;
  const end = text.indexOf(close, from);
  return end < 0 ? { inner: text.slice(from), start, closed: false } : { inner: text.slice(from, end), start, closed: true };
}

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
  const think = between(text, '<think>', '</think>');
  const answer = between(text, '<answer>', '</answer>');
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
  const answerText = answer ? answer.inner.trim() : null;
  const json = answerText === null ? undefined : answerJson(answerText);
  const answerBoxes = json === undefined ? null : toAnswerBoxes(json);
  const saysNone =
    answerText !== null &&
    (/^(?:none|null)\.?$/i.test(answerText) || /no such (?:thing|person|object)/i.test(answerText) || (answerBoxes !== null && answerBoxes.length === 0));
  return { think: thinkText.replace(/^\s*\n/, '').replace(/\s+$/, ''), answer: answerText, answerBoxes, saysNone, notes };
}
