// Box lists held as one Float64Array each, behind an array's face. A million ground-truth lines hold ~12 candidate
// boxes each: as arrays of arrays that is ~1.1 KB a line on the V8 heap (4 GB at most), packed it is ~0.2 KB (the
// numbers themselves live outside the heap). Reading one gives a fresh [x0, y0, x1, y1]; every array method reads it
// through the same traps, so the metric, the judgement and the pictures take it as the array it stands for.
import type { XyxyBox } from './metric.js';

const DATA = Symbol('packed boxes');

type Target = XyxyBox[] & { [DATA]: Float64Array };

const isIndex = (key: string | symbol): key is string => typeof key === 'string' && /^(0|[1-9]\d*)$/.test(key);

function boxAt(data: Float64Array, i: number): XyxyBox {
  return [data[i * 4], data[i * 4 + 1], data[i * 4 + 2], data[i * 4 + 3]];
}

const handler: ProxyHandler<Target> = {
  get(target, key) {
    const data = target[DATA];
    if (key === 'length') return data.length / 4;
    if (isIndex(key)) {
      const i = Number(key);
      return i < data.length / 4 ? boxAt(data, i) : undefined;
    }
    if (key === DATA) return undefined;
    return Reflect.get(target, key);
  },
  has(target, key) {
    if (isIndex(key)) return Number(key) < target[DATA].length / 4;
    return key !== DATA && Reflect.has(target, key);
  },
  ownKeys(target) {
    return [...Array.from({ length: target[DATA].length / 4 }, (_, i) => String(i)), 'length'];
  },
  getOwnPropertyDescriptor(target, key) {
    const n = target[DATA].length / 4;
    if (key === 'length') return { value: n, writable: true, enumerable: false, configurable: false };
    if (isIndex(key) && Number(key) < n) return { value: boxAt(target[DATA], Number(key)), writable: false, enumerable: true, configurable: true };
    return undefined;
  },
  set() {
    return false;
  },
  defineProperty() {
    return false;
  },
  deleteProperty() {
    return false;
  },
};

/** The boxes packed, as a read-only array of boxes. */
export function packBoxes(boxes: readonly (readonly number[])[]): XyxyBox[] {
  const data = new Float64Array(boxes.length * 4);
  boxes.forEach((b, i) => data.set(b.slice(0, 4), i * 4));
  const target = [] as unknown as Target;
  Object.defineProperty(target, DATA, { value: data, configurable: true });
  return new Proxy(target, handler);
}

/** Plain arrays again, for what cannot take a proxy (a structured clone to a drawing thread). */
export function unpackBoxes(boxes: readonly XyxyBox[]): XyxyBox[] {
  return Array.from(boxes, (b) => [b[0], b[1], b[2], b[3]]);
}
