import { describe, expect, it } from 'vitest';
import { runPool } from '../../src/plumbing/pool.js';

describe('runPool', () => {
  it('keeps at most `concurrency` items in flight and never starts an item before a slot frees', async () => {
    let active = 0;
    let maxActive = 0;
    let started = 0;
    let pulled = 0;
    const seen: number[] = [];
    function* items() {
      for (let i = 0; i < 40; i++) {
        pulled++;
        // Pulled but unfinished items never exceed the slots plus the one waiting for a slot.
        expect(pulled - seen.length).toBeLessThanOrEqual(3 + 1);
        yield i;
      }
    }
    await runPool(
      items(),
      async (item, position) => {
        started++;
        expect(position).toBe(item);
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, (item * 7) % 5));
        seen.push(item);
        active--;
      },
      { concurrency: 3 },
    );
    expect(maxActive).toBe(3);
    expect(started).toBe(40);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('stops handing out items when asked, letting running ones finish', async () => {
    const done: number[] = [];
    let stop = false;
    await runPool(
      Array.from({ length: 100 }, (_, i) => i),
      async (i) => {
        await new Promise((r) => setTimeout(r, 1));
        done.push(i);
        if (i === 5) stop = true;
      },
      { concurrency: 2, shouldStop: () => stop },
    );
    expect(done.length).toBeLessThan(10);
  });

  it('rejects with the first error after the running items settle', async () => {
    await expect(
      runPool([1, 2, 3], async (i) => {
        if (i === 2) throw new Error('boom');
      }, { concurrency: 2 }),
    ).rejects.toThrow('boom');
  });
});
