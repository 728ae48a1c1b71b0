// inspect's run in process: one fake sample printed as text and as JSON, and an index past the end refused.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { runInspect } from '../../src/runs/inspect-run.js';
import { fakeHeader, fakeParseCot, fakeSource, type FakeSampleSpec } from '../fakes.js';
import { capture } from './fake-splits.js';
import { TOY_SOURCE } from '../../src/sources/toy.js';
import type { Annotation } from '../../src/types.js';

function setup(specs: FakeSampleSpec[]) {
  const source = fakeSource('main', specs);
  const deps = { openSource: async () => source, parseCot: fakeParseCot, readImageHeader: fakeHeader };
  return { source, deps, paths: source.paths };
}

describe('runInspect', () => {
  it('prints the sample as text: offsets, image size, boxes as x1 y1 x2 y2, the target and consistency', async () => {
    const { deps, paths, source } = setup([{}, { think: 'Person 1\nsecond line' }]);
    const { out, io } = capture();
    expect(await runInspect({ index: 1, paths, json: false }, deps, io)).toBe(0);
    const text = out.join('');
    expect(text).toContain('sample:      1 (valid: 0 to 1)');
    expect(text).toContain(`annotation:  ${paths.annotationsTsv} at byte 100`);
    expect(text).toContain(`image line:  ${paths.imagesTsv} at byte 1000`);
    expect(text).toContain('image:       png 100×80');
    expect(text).toContain('expression:  "the person on the left" → Person 1');
    expect(text).toContain('  Person 1: 10.0, 10.0, 30.0, 40.0  final ✅  target\n');
    expect(text).toContain('  Person 2: 50.0, 10.0, 70.0, 40.0  final ❌\n');
    expect(text).toContain('consistency: ✅');
    expect(text.endsWith('reasoning:\nPerson 1\nsecond line\n')).toBe(true);
    expect(source.closed).toBe(true);
  });

  it('names both sides of a mismatch and the expression of an empty region_map', async () => {
    const { deps, paths } = setup([{ think: 'inconsistent', regionMap: {} }]);
    const { out, io } = capture();
    await runInspect({ index: 0, paths, json: false }, deps, io);
    const text = out.join('');
    expect(text).toContain('expression:  "from planning" (region_map is empty)');
    expect(text).toContain('consistency: ❌ mismatch: only in region_map: nobody; only in reasoning: Person 1, Person 2');
  });

  it('names a custom row\'s candidates by its noun and says it has no reasoning to compare', async () => {
    const { paths, source } = setup([{ regionMap: { 'the red car': [1] }, extra: { source: TOY_SOURCE } }]);
    const deps = { openSource: async () => source, parseCot: (a: Annotation) => ({ ...fakeParseCot(a), noun: 'Car' }), readImageHeader: fakeHeader };
    const { out, io } = capture();
    await runInspect({ index: 0, paths, json: false }, deps, io);
    const text = out.join('');
    expect(text).toContain('expression:  "the red car" → Car 2');
    expect(text).toContain('  Car 2: 50.0, 10.0, 70.0, 40.0  final ✅  target\n');
    expect(text).toContain('consistency: (no reasoning to compare with region_map)\n');
    expect(text).not.toContain('Person');
  });

  it('keeps escape sequences out of the terminal text', async () => {
    const { deps, paths } = setup([{ regionMap: { 'a\u001b[31mred': [0] } }]);
    const { out, io } = capture();
    await runInspect({ index: 0, paths, json: false }, deps, io);
    expect(out.join('')).not.toContain('\u001b');
  });

  it('writes one JSON object with 1-based persons, both box forms and the image size', async () => {
    const { deps, paths } = setup([{ regionMap: { left: [1] } }]);
    const { out, io } = capture();
    await runInspect({ index: 0, paths, json: true }, deps, io);
    const json = JSON.parse(out.join(''));
    expect(json).toMatchObject({ split: 'main', index: 0, count: 1, annOffset: 0, imgOffset: 0, imageKey: 'key-0' });
    expect(json.image).toEqual({ format: 'png', width: 100, height: 80, bytes: 33 });
    expect(json.expressions).toEqual([{ expression: 'left', targets: [2] }]);
    expect(json.candidates[1]).toEqual({ person: 2, xywh: [50, 10, 20, 30], xyxy: [50, 10, 70, 40], target: true });
    expect(json.candidates[0].target).toBe(false);
  });

  it('refuses an index past the end with the valid range, and still closes the source', async () => {
    const { deps, paths, source } = setup([{}, {}]);
    const { io } = capture();
    await expect(runInspect({ index: 2, paths, json: false }, deps, io)).rejects.toThrow(new UsageError('sample 2 is out of range for split main (valid: 0 to 1)'));
    expect(source.closed).toBe(true);
    await expect(runInspect({ index: 0, paths, json: false }, setup([]).deps, io)).rejects.toThrow('the split has no samples');
  });
});
