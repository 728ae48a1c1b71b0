// Results handed on in position order whatever order the workers finish in.
import { describe, expect, it } from 'vitest';
import { InOrder } from '../../src/plumbing/ordered.js';

describe('InOrder', () => {
  it('holds a result until every earlier position has arrived, then emits the run in order', () => {
    const out: string[] = [];
    const order = new InOrder<string>((v) => out.push(v));
    order.put(2, 'c');
    order.put(1, 'b');
    expect(out).toEqual([]);
    order.put(0, 'a');
    expect(out).toEqual(['a', 'b', 'c']);
  });

  it('lets a null position pass without emitting and without holding up the next', () => {
    const out: number[] = [];
    const order = new InOrder<number>((v) => out.push(v));
    order.put(1, 10);
    order.put(0, null);
    expect(out).toEqual([10]);
  });

  it('flushes what waits behind a gap in position order, once', () => {
    const out: string[] = [];
    const order = new InOrder<string>((v) => out.push(v));
    order.put(5, 'f');
    order.put(3, 'd');
    order.put(4, null);
    order.flush();
    order.flush();
    expect(out).toEqual(['d', 'f']);
  });
});
