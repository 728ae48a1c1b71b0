// Shared state of one parse: the candidate count and the warnings, collected instead of thrown.

/** Beyond this many candidates the input is not a HumanRef image; cap to keep memory bounded. */
export const MAX_CANDIDATES = 100_000;

/** A sample with more problems than this is broken as a whole; listing them all helps nobody. */
export const MAX_WARNINGS = 50;

export interface ParseContext {
  /** Sanitised: a non-negative integer, at most MAX_CANDIDATES. */
  readonly candidateCount: number;
  warn(message: string): void;
  /** True for 1..candidateCount; otherwise warns once per number and returns false. */
  checkPerson(person: number, where: string): boolean;
  /** The warnings so far, with a last `N more warnings` line when some were dropped. */
  warnings(): string[];
}

export function createContext(candidateCount: unknown): ParseContext {
  const warnings: string[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  const warn = (message: string): void => {
    // The same problem repeated on many lines is one finding, not many.
    if (seen.has(message)) return;
    seen.add(message);
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
    else dropped++;
  };
  let count = 0;
  if (typeof candidateCount === 'number' && Number.isFinite(candidateCount) && candidateCount >= 0) {
    count = Math.floor(candidateCount);
    if (count !== candidateCount) warn(`candidateCount ${candidateCount} is not an integer; using ${count}`);
    if (count > MAX_CANDIDATES) {
      warn(`candidateCount ${count} is implausibly large; using ${MAX_CANDIDATES}`);
      count = MAX_CANDIDATES;
    }
  } else {
    warn(`candidateCount ${String(candidateCount)} is not a non-negative number; using 0`);
  }
  const outOfRange = new Set<number>();
  return {
    candidateCount: count,
    warnings: () => (dropped > 0 ? [...warnings, `${dropped} more warning${dropped === 1 ? '' : 's'} not shown`] : [...warnings]),
    warn,
    checkPerson(person: number, where: string): boolean {
      if (Number.isInteger(person) && person >= 1 && person <= count) return true;
      if (!outOfRange.has(person)) {
        outOfRange.add(person);
        const shown = Number.isFinite(person) ? String(person) : 'with a huge number';
        warn(`${where}: Person ${shown} is out of range (${count} candidate${count === 1 ? '' : 's'})`);
      }
      return false;
    },
  };
}

/** A short, single-line quote of a text for warnings. */
export function quote(text: string, max = 48): string {
  // Slice first: a warning about a 100 KB line must not cost a pass over all of it.
  const flat = text.slice(0, max * 4).replace(/\s+/g, ' ');
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}
