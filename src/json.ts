// JSON for --json output: any value JSON.parse accepted (nesting of any depth), non-finite numbers kept, every
// control and bidi character escaped so a line of output cannot drive or reorder a terminal.

/** C0 is escaped by JSON itself; these pass through JSON.stringify raw: C1, line/paragraph separators, bidi controls. */
const UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function quote(text: string): string {
  return JSON.stringify(text).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** 1e999 reads back as Infinity in JSON.parse, jq and Python: a box that overflowed stays visible, not `null`. */
function number(value: number): string {
  if (Number.isFinite(value)) return JSON.stringify(value);
  if (Number.isNaN(value)) return 'null';
  return value > 0 ? '1e999' : '-1e999';
}

const MAX_INDENT_DEPTH = 64;

type Frame =
  | { kind: 'array'; items: readonly unknown[]; at: number; depth: number }
  | { kind: 'object'; entries: [string, unknown][]; at: number; depth: number };

/** A value as JSON.stringify would see it (toJSON applied); undefined for what it leaves out. */
function prepare(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON(): unknown }).toJSON();
  }
  return value;
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * JSON.stringify without recursion (a 100,000-deep `extra` key is fine) and with the escapes above.
 * `indent` as in JSON.stringify (0: one line).
 */
export function toJson(root: unknown, indent = 0): string {
  const out: string[] = [];
  // Indentation stops growing at MAX_INDENT_DEPTH: a 100,000-deep value would otherwise need gigabytes of spaces.
  const pad = (depth: number) => (indent > 0 ? '\n' + ' '.repeat(indent * Math.min(depth, MAX_INDENT_DEPTH)) : '');
  const stack: Frame[] = [];
  const seen = new Set<object>();

  /** Writes a scalar, or opens a container (pushed on the stack). */
  const open = (raw: unknown, depth: number) => {
    const value = prepare(raw);
    if (isOmitted(value)) {
      out.push('null');
      return;
    }
    if (value === null) out.push('null');
    else if (typeof value === 'string') out.push(quote(value));
    else if (typeof value === 'number') out.push(number(value));
    else if (typeof value === 'boolean') out.push(String(value));
    else if (typeof value === 'bigint') out.push(value.toString());
    else if (typeof value === 'object') {
      if (seen.has(value)) throw new TypeError('toJson: a value refers to itself');
      seen.add(value);
      if (Array.isArray(value)) {
        out.push('[');
        stack.push({ kind: 'array', items: value, at: 0, depth: depth + 1 });
      } else {
        const entries = Object.entries(value).map(([k, v]) => [k, prepare(v)] as [string, unknown]).filter(([, v]) => !isOmitted(v));
        out.push('{');
        stack.push({ kind: 'object', entries, at: 0, depth: depth + 1 });
      }
      (stack[stack.length - 1] as Frame & { owner?: object }).owner = value;
    }
  };

  open(root, 0);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame & { owner?: object };
    const length = frame.kind === 'array' ? frame.items.length : frame.entries.length;
    if (frame.at >= length) {
      stack.pop();
      if (frame.owner) seen.delete(frame.owner);
      out.push(length > 0 ? pad(frame.depth - 1) : '', frame.kind === 'array' ? ']' : '}');
      continue;
    }
    if (frame.at > 0) out.push(',');
    out.push(pad(frame.depth));
    if (frame.kind === 'array') {
      open(frame.items[frame.at++], frame.depth);
    } else {
      const [key, value] = frame.entries[frame.at++];
      out.push(quote(key), indent > 0 ? ': ' : ':');
      open(value, frame.depth);
    }
  }
  return out.join('');
}
