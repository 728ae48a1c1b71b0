// Python's json.dumps with its defaults, for the few shapes upstream's prompts and answers hold (objects, lists, strings,
// integers): ", " and ": " between items, every character outside printable ASCII escaped as \uXXXX (ensure_ascii).
export type PythonJsonValue = string | number | readonly PythonJsonValue[] | { readonly [key: string]: PythonJsonValue };

/** Python escapes DEL and everything past ASCII too; JSON.stringify leaves them as they are. */
function pythonString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function pythonJsonDumps(value: PythonJsonValue): string {
  if (typeof value === 'string') return pythonString(value);
  if (typeof value === 'number') {
    // Python prints floats its own way (1e-05, 1.0); upstream only ever dumps int() results, so only integers are accepted.
    if (!Number.isSafeInteger(value)) throw new RangeError(`pythonJsonDumps: ${value} is not an integer`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  const entries = Object.entries(value as { readonly [key: string]: PythonJsonValue });
  return `{${entries.map(([key, item]) => `${pythonString(key)}: ${pythonJsonDumps(item)}`).join(', ')}}`;
}
