// Digests held for every prediction line share their equal parts: the same values, held once.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDigest } from '../../src/eval/digest-pool.js';
import { readPredictions } from '../../src/eval/read-pred.js';
import { digestResponse } from '../../src/eval/reasoning.js';

const response = (marks: string[]) =>
  `<think># Step 1: look\n${marks.map((m, i) => `- Person ${i + 1}: looks. → ${m}`).join('\n')}\n\n# Summarize and Re-Check answer\n${marks.map((m, i) => `- Person ${i + 1}: checked. → ${m}`).join('\n')}</think><answer>None</answer>`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'humanref-vis-digest-pool-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sharedDigest', () => {
  it('returns the same values, with equal lists and missing parts of different responses as one frozen object', () => {
    const a = digestResponse(response(['✅', '❌', '❌']));
    const b = digestResponse(response(['❌', '✅', '❌']));
    const [sa, sb] = [sharedDigest(a), sharedDigest(b)];
    expect(sa).toEqual(a);
    expect(sb).toEqual(b);
    expect(sa.named).toEqual([1, 2, 3]);
    expect(sb.named).toBe(sa.named);
    expect(sb.marked).toBe(sa.marked);
    expect(sb.missing).toBe(sa.missing);
    // Different values stay apart.
    expect(sa.chosen).toEqual([1]);
    expect(sb.chosen).toEqual([2]);
    expect(Object.isFrozen(sa.named)).toBe(true);
    expect(() => (sa.named as number[]).push(4)).toThrow(TypeError);
  });
});

describe('readPredictions', () => {
  it("holds the digests' equal parts once over many lines", async () => {
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: `s${i}`, extracted_predictions: [], raw_response: response(i % 2 ? ['✅', '❌'] : ['❌', '✅']) }));
    const file = path.join(dir, 'pred.jsonl');
    await writeFile(file, `${lines.join('\n')}\n`);
    const digests = [...(await readPredictions(file, 'id', { responses: false })).byKey.values()].map((p) => p.digest!);
    expect(digests).toHaveLength(50);
    expect(new Set(digests.map((d) => d.named)).size).toBe(1);
    expect(new Set(digests.map((d) => d.missing)).size).toBe(1);
    expect(new Set(digests.map((d) => d.chosen)).size).toBe(2);
    expect(digests[0].chosen).toEqual([2]);
    expect(digests[1].chosen).toEqual([1]);
  });
});
