// A small declarative validator for data read back from files: a schema states the shape once, gives the TypeScript
// type (Infer) and checks a parsed JSON value, naming the first thing wrong by its path (`entries[3].expressions[0]`).

/** Checks `value`; returns what is wrong with it at `at`, or null when it fits. */
export interface Schema<T> {
  readonly check: (value: unknown, at: string) => string | null;
  /** Phantom: carries T for Infer. */
  readonly type?: T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  return String(value);
}

const fail = (at: string, expected: string, value: unknown) => `${at}: expected ${expected}, found ${shown(value)}`;

/** Strings longer than this are not ours (an expression or a message is a few hundred characters). */
const MAX_STRING = 1_000_000;

export function str(options: { max?: number; pattern?: RegExp; what?: string } = {}): Schema<string> {
  const max = options.max ?? MAX_STRING;
  const what = options.what ?? 'a string';
  return {
    check: (v, at) => (typeof v === 'string' && v.length <= max && (!options.pattern || options.pattern.test(v)) ? null : fail(at, what, v)),
  };
}

/** A whole number, at least `min`. */
export function int(min = 0): Schema<number> {
  return { check: (v, at) => (Number.isSafeInteger(v) && (v as number) >= min ? null : fail(at, `a whole number >= ${min}`, v)) };
}

export const finite: Schema<number> = { check: (v, at) => (typeof v === 'number' && Number.isFinite(v) ? null : fail(at, 'a number', v)) };

export function oneOf<const V extends readonly (string | number)[]>(...values: V): Schema<V[number]> {
  return { check: (v, at) => (values.includes(v as V[number]) ? null : fail(at, `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`, v)) };
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return { check: (v, at) => (v === null ? null : schema.check(v, at)) };
}

export function arrayOf<T>(item: Schema<T>): Schema<T[]> {
  return {
    check: (v, at) => {
      if (!Array.isArray(v)) return fail(at, 'a list', v);
      for (let i = 0; i < v.length; i++) {
        const problem = item.check(v[i], `${at}[${i}]`);
        if (problem) return problem;
      }
      return null;
    },
  };
}

/** A plain object (not null, not a list); JSON.parse gives only plain objects. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Any plain object: provenance records, whose values the page only shows as text. */
export const record: Schema<Record<string, unknown>> = { check: (v, at) => (isPlainObject(v) ? null : fail(at, 'an object', v)) };

export type Shape = Record<string, Schema<unknown>>;
export type InferShape<S extends Shape> = { [K in keyof S]: Infer<S[K]> };

/** An object with these fields, each present (others are ignored). */
export function object<S extends Shape>(shape: S): Schema<InferShape<S>> {
  return {
    check: (v, at) => {
      if (!isPlainObject(v)) return fail(at, 'an object', v);
      for (const [key, schema] of Object.entries(shape)) {
        if (!Object.hasOwn(v, key)) return `${at}.${key}: missing`;
        const problem = schema.check(v[key], `${at}.${key}`);
        if (problem) return problem;
      }
      return null;
    },
  };
}
