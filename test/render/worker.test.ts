// The drawing thread's task function, called in process: another module's composition run with its input's byte
// arrays as Buffers again, the picture's memory handed over when it owns it, errors returned as data, and its stats.
import { describe, expect, it } from 'vitest';
import { valueSymbol, transferableSymbol } from 'piscina';
import runTask from '../../src/render/worker.js';

const job = (name: string) => ({ module: new URL('./_composition.mjs', import.meta.url).href, name });
type Moved = { [valueSymbol]: { ok: true; composed: { data: Buffer } }; [transferableSymbol]: ArrayBuffer[] };

describe('runTask', () => {
  it('runs a composition with the photo as a Buffer and hands its own memory over with the result', async () => {
    const out = (await runTask({ kind: 'composition', job: job('compose'), input: { photo: new Uint8Array([1, 2, 3]) }, options: { fast: true } })) as unknown as Moved;
    const result = out[valueSymbol];
    expect(result.ok).toBe(true);
    expect(JSON.parse(result.composed.data.toString())).toEqual({ photoIsBuffer: true, photo: [1, 2, 3], options: { fast: true } });
    expect(out[transferableSymbol]).toEqual([result.composed.data.buffer]);
  });

  it('returns the result as it is when the picture is a view into a larger buffer', async () => {
    const out = (await runTask({ kind: 'composition', job: job('compose'), input: { photo: new Uint8Array([9]), slice: true }, options: null })) as { ok: true; composed: { data: Buffer } };
    expect(JSON.parse(out.composed.data.toString()).photo).toEqual([9]);
    expect(valueSymbol in out).toBe(false);
  });

  it('returns errors as data: a DataError with its code and location, a missing function by name', async () => {
    const failed = await runTask({ kind: 'composition', job: job('compose'), input: { photo: new Uint8Array(), fail: true }, options: null });
    expect(failed).toEqual({ ok: false, error: { name: 'DataError', code: 'image-too-large', where: { file: 'f.jsonl', index: 2 }, problem: 'too big', hint: 'Skip it' } });
    const missing = await runTask({ kind: 'composition', job: job('notAFunction'), input: {}, options: null });
    expect(missing).toEqual({ ok: false, error: { name: 'Error', message: expect.stringMatching(/_composition\.mjs exports no function notAFunction$/) } });
  });

  it('counts the pictures it drew in its stats, with its heap and CPU time', async () => {
    const before = (await runTask({ kind: 'stats' })) as { ok: true; stats: { rendered: number; heapUsed: number; cpuMs: number | null; threadId: number } };
    await runTask({ kind: 'composition', job: job('compose'), input: { photo: new Uint8Array([1]) }, options: null });
    const after = (await runTask({ kind: 'stats' })) as typeof before;
    expect(after.stats.rendered).toBe(before.stats.rendered + 1);
    expect(after.stats.heapUsed).toBeGreaterThan(0);
    expect(typeof after.stats.threadId).toBe('number');
    if (after.stats.cpuMs !== null) expect(after.stats.cpuMs).toBeGreaterThanOrEqual(0);
  });
});
