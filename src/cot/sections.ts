// Finds the section headers (`# Step N:`, `# Summarize and Re-Check answer`, `Let’s now finalize:`).
import type { RawLine } from './lines.js';

export interface StepHeader {
  type: 'step';
  number: number;
  title: string;
}

export interface SummaryHeader {
  type: 'summary';
  /** The header as written. */
  header: string;
  /** Where the body starts inside the header line (after `Let’s now finalize:`); line length for `#` headers. */
  bodyOffset: number;
}

export type Header = StepHeader | SummaryHeader;

export interface Section {
  header: Header;
  /** Index of the header line. */
  headerLine: number;
  /** Body lines are [headerLine + 1, end). */
  end: number;
}

const STEP_HEADER = /^#+\s*(?:\*\*)?\s*step\s*(\d+)(?!\d)\s*[:\uFF1A.)\u2013-]?\s*/i;
const STEP_PREFIX = /^step\s*\d+\s*[:\uFF1A.)\u2013-]\s*/i;
const SUMMARY_WORD = /summar(?:i[sz]|y)|\bre\s*-?\s*check/i;
const SUMMARY_TITLE = /^summar(?:i[sz]e|y)\b.*\bre\s*-?\s*check/i;
const FINALIZE = /^let(?:['\u2019\u2018`]?s|\s+us)\s+(?:now\s+)?finali[sz]e\b\s*[:\uFF1A]?/i;

/** Classifies one trimmed line; `inSummary` stops `Let’s now finalize:` from opening a second summary. */
export function classifyHeader(text: string, inSummary: boolean): Header | null {
  if (text.startsWith('#')) {
    const step = STEP_HEADER.exec(text);
    if (step) {
      let title = text.slice(step[0].length);
      // `# Step 1: Step 1: ...` repeats its own prefix.
      for (let m = STEP_PREFIX.exec(title); m; m = STEP_PREFIX.exec(title)) title = title.slice(m[0].length);
      title = title.replace(/^\*\*\s*/, '').replace(/\*\*\s*$/, '').trim();
      if (!SUMMARY_TITLE.test(title)) return { type: 'step', number: Number(step[1]), title };
      return { type: 'summary', header: text, bodyOffset: text.length };
    }
    if (SUMMARY_WORD.test(text)) return { type: 'summary', header: text, bodyOffset: text.length };
    return null;
  }
  // A summary header that lost its `#` (`Summarize and Re-Check answer`, possibly bold) still opens the summary.
  if (SUMMARY_TITLE.test(text.startsWith('**') ? text.slice(2) : text)) {
    return { type: 'summary', header: text, bodyOffset: text.length };
  }
  if (!inSummary) {
    const fin = FINALIZE.exec(text);
    if (fin) return { type: 'summary', header: fin[0].trim(), bodyOffset: fin[0].length };
  }
  return null;
}

/** The sections in text order; lines before the first one are the planning. */
export function findSections(lines: RawLine[]): Section[] {
  const sections: Section[] = [];
  let inSummary = false;
  for (let i = 0; i < lines.length; i++) {
    const header = classifyHeader(lines[i].text, inSummary);
    if (!header) continue;
    if (sections.length > 0) sections[sections.length - 1].end = i;
    sections.push({ header, headerLine: i, end: lines.length });
    inSummary = header.type === 'summary';
  }
  return sections;
}
