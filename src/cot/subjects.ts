// Reads who a line is about from its start: `Person 3:`, `Person 1-9:`, `Person 1, 2 and 4:`, `Others:`.
import { isAsciiLetter, isPersonNoun, isStructuralWord, nounKey, readNumber, readWord, skipSpaces } from './nouns.js';

export interface NamedSubject {
  kind: 'single' | 'range' | 'list';
  /** The head noun as written (`Person`, `person`, `Helmet`). */
  noun: string;
  /** Inclusive [low, high] pairs as written; numbers may be out of range. */
  items: [number, number][];
}

export interface OthersSubject {
  /** N of `the remaining N people`, when written. */
  remaining: number | null;
}

const DASHES = '-\u2013\u2014';
const LIST_SEPARATORS = ',\u3001&/';

/** Length of a leading bullet (`- `, `* `, `• `), 0 when there is none. */
export function bulletLength(text: string): number {
  const c = text[0];
  if (c === undefined || !'-*\u2022\u2013\u2014'.includes(c)) return 0;
  // `**Person 1:**` is bold, not a bullet.
  if (c === '*' && text[1] === '*') return 0;
  return skipSpaces(text, 1);
}

function isWordAt(text: string, pos: number, word: string): boolean {
  return text.slice(pos, pos + word.length).toLowerCase() === word && readWord(text, pos) === pos + word.length;
}

function skipBold(text: string, pos: number): number {
  return text.startsWith('**', pos) ? skipSpaces(text, pos + 2) : pos;
}

/** Skips `**`, a short `( ... )` and `**` after a subject; returns where the colon should be. */
function skipSubjectDecorations(text: string, pos: number): number {
  let q = skipBold(text, skipSpaces(text, pos));
  if (text[q] === '(') {
    const close = text.indexOf(')', q);
    if (close > q && close - q <= 80 && !text.slice(q + 1, close).includes('(')) q = skipSpaces(text, close + 1);
  }
  return skipBold(text, q);
}

function isColon(ch: string | undefined): boolean {
  return ch === ':' || ch === '\uFF1A';
}

/**
 * `<Word> <int>` at the start, extended by `-N` ranges and `, N` / `and N` / `, Word N` lists, then `:`.
 * Person nouns need no colon when the line carries a mark (`- Person 2 → ✅`, `Person 2 is the target ✅`):
 * such a line is a verdict about them, while `Person 2 and Person 4 are adults.` stays a conclusion.
 */
export function parseNamedSubject(text: string, lineHasMark: boolean): NamedSubject | null {
  const nounStart = skipBold(text, 0);
  const nounEnd = readWord(text, nounStart);
  if (nounEnd === nounStart) return null;
  const noun = text.slice(nounStart, nounEnd);
  if (isStructuralWord(noun)) return null;
  const first = readNumber(text, skipSpaces(text, nounEnd));
  if (!first) return null;
  const items: [number, number][] = [[first.value, first.value]];
  let pos = first.end;
  const key = nounKey(noun);
  for (;;) {
    const q = skipSpaces(text, pos);
    const ch = text[q];
    const last = items[items.length - 1];
    const isDash = ch !== undefined && DASHES.includes(ch);
    if (isDash || isWordAt(text, q, 'to')) {
      const next = readNumber(text, skipSpaces(text, q + (isDash ? 1 : 2)));
      if (!next || last[0] !== last[1]) break;
      last[1] = next.value;
      pos = next.end;
      continue;
    }
    let r: number;
    if (ch !== undefined && LIST_SEPARATORS.includes(ch)) {
      r = skipSpaces(text, q + 1);
      if (isWordAt(text, r, 'and')) r = skipSpaces(text, r + 3);
    } else if (isWordAt(text, q, 'and')) {
      r = skipSpaces(text, q + 3);
    } else {
      break;
    }
    // `Person 1 and Person 2`: the noun may be repeated, but only the same noun.
    const wordEnd = readWord(text, r);
    if (wordEnd > r) {
      if (nounKey(text.slice(r, wordEnd)) !== key) break;
      r = skipSpaces(text, wordEnd);
    }
    const next = readNumber(text, r);
    if (!next) break;
    items.push([next.value, next.value]);
    pos = next.end;
  }
  // `Person 3rd`, `Car 2s`: the number must end the word.
  if (isAsciiLetter(text.charCodeAt(pos))) return null;
  const q = skipSubjectDecorations(text, pos);
  const isSubject = isColon(text[q]) || (isPersonNoun(noun) && lineHasMark);
  if (!isSubject) return null;
  const kind = items.length > 1 ? 'list' : items[0][0] === items[0][1] ? 'single' : 'range';
  return { kind, noun, items };
}

const PEOPLE = '(?:people|persons|candidates|individuals|ones)';
// `Others`, `All other 12 people`, `For the remaining 66 people`, `The rest`, `Everyone else`.
const OTHERS = new RegExp(
  '^(?:(?:for|as\\s+for|and|but)\\s+)?(?:all\\s+)?(?:the\\s+)?(?:' +
    `others?(?:\\s+(\\d{1,9}))?(?:\\s+${PEOPLE})?` +
    '|rest(?:\\s+of\\s+(?:the\\s+)?(?:people|persons|candidates|individuals|them))?' +
    `|remaining(?:\\s+(\\d{1,9}))?(?:\\s+${PEOPLE})?` +
    '|everyone\\s+else|everybody\\s+else)(?![A-Za-z0-9])',
  'i',
);

/** `Others:`, `The remaining 66 people:`, `For the remaining 66 people: ...`; needs a colon or a mark. */
export function parseOthersSubject(text: string, lineHasMark: boolean): OthersSubject | null {
  const start = skipBold(text, 0);
  const m = OTHERS.exec(text.slice(start, start + 120));
  if (!m) return null;
  const q = skipSubjectDecorations(text, start + m[0].length);
  if (!isColon(text[q]) && !lineHasMark) return null;
  const n = m[1] ?? m[2];
  return { remaining: n === undefined ? null : Number(n) };
}

/** `... is [person 4, person 3, person 1, person 2].` → [4, 3, 1, 2]; null when there is no such list. */
export function parseOrder(text: string): number[] | null {
  let open = text.indexOf('[');
  while (open >= 0) {
    const order = parseBracketList(text, open + 1);
    if (order) return order;
    open = text.indexOf('[', open + 1);
  }
  return null;
}

function parseBracketList(text: string, from: number): number[] | null {
  const order: number[] = [];
  let pos = skipSpaces(text, from);
  for (;;) {
    const wordEnd = readWord(text, pos);
    if (wordEnd === pos || isStructuralWord(text.slice(pos, wordEnd))) return null;
    const n = readNumber(text, skipSpaces(text, wordEnd));
    if (!n) return null;
    order.push(n.value);
    pos = skipSpaces(text, n.end);
    if (text[pos] === ']') return order;
    if (text[pos] !== ',') return null;
    pos = skipSpaces(text, pos + 1);
  }
}
