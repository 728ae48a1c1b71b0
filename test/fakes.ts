// Fake splits, parsed reasoning and a renderer, so runs/, selection/ and outputs/ are tested without files, fonts or canvas.
import { DataError } from '../src/errors.js';
import type { Annotation, AnnotationRecord, Mark, ParsedCot, Renderer, RenderOptions, Sample } from '../src/types.js';
import type { SampleSource } from '../src/plumbing/seams.js';

export interface FakeSampleSpec {
  boxes?: [number, number, number, number][];
  regionMap?: Record<string, number[]>;
  think?: string;
  extra?: Record<string, unknown>;
  /** Makes readSample / readAnnotation throw a DataError for this index. */
  broken?: boolean;
}

/** PNG signature + IHDR with the given size: enough for a header reader, no pixels. */
export function pngHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'ascii');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

export function fakeHeader(bytes: Buffer): { format: 'png'; width: number; height: number } {
  if (bytes.length < 24 || bytes.toString('ascii', 12, 16) !== 'IHDR') throw new Error('not a PNG header');
  return { format: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export function fakeSource(name: string, specs: FakeSampleSpec[], options: { readDelay?: (i: number) => number } = {}): SampleSource & { reads: number[]; closed: boolean } {
  const annotation = (spec: FakeSampleSpec): Annotation => ({
    gtBoxes: spec.boxes ?? [
      [10, 10, 20, 30],
      [50, 10, 20, 30],
    ],
    regionMap: spec.regionMap ?? { 'the person on the left': [0] },
    think: spec.think ?? 'think',
    extra: spec.extra ?? {},
  });
  const file = `/data/${name}.annotations.tsv`;
  const source = {
    paths: { name, imagesTsv: `/data/${name}.images.tsv`, annotationsTsv: file, annotationsLineidx: null },
    length: specs.length,
    reads: [] as number[],
    closed: false,
    annOffset: (i: number) => i * 100,
    async readAnnotation(i: number): Promise<AnnotationRecord> {
      const spec = specs[i];
      const delay = options.readDelay?.(i) ?? 0;
      if (delay) await new Promise((r) => setTimeout(r, delay));
      if (spec.broken) throw new DataError('invalid-json', { file, index: i, offset: i * 100 }, 'the JSON is malformed', 'Fix the line');
      return { split: name, index: i, annOffset: i * 100, imgOffset: i * 1000, annotation: annotation(spec) };
    },
    async readSample(i: number): Promise<Sample> {
      source.reads.push(i);
      const record = await source.readAnnotation(i);
      return { ...record, imageKey: `key-${i}`, image: pngHeader(100, 80), imageFormat: 'png' };
    },
    async close() {
      source.closed = true;
    },
  };
  return source;
}

/** The ParseCot seam for runs: fakeCot of the annotation. */
export function fakeParseCot(annotation: Pick<Annotation, 'think' | 'gtBoxes' | 'regionMap'>): ParsedCot {
  return fakeCot(annotation.think, annotation.gtBoxes.length, annotation.regionMap);
}

/** A ParsedCot whose verdicts follow region_map (✅ targets, ❌ others) unless `think` is "inconsistent". */
export function fakeCot(think: string, candidateCount: number, regionMap: Record<string, number[]>): ParsedCot {
  const expressions = Object.keys(regionMap).length ? Object.keys(regionMap) : ['from planning'];
  const targets = [...new Set(Object.values(regionMap).flat().map((i) => i + 1))].sort((a, b) => a - b);
  const inconsistent = think === 'inconsistent';
  const verdicts: (Mark | null)[] = Array.from({ length: candidateCount }, (_, i) => (targets.includes(i + 1) !== inconsistent ? '✅' : '❌'));
  const cotTargets = verdicts.flatMap((v, i) => (v === '✅' ? [i + 1] : []));
  const mentions = [...think.matchAll(/Person (\d+)/g)].map((m) => ({ person: Number(m[1]), noun: 'Person', start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  return {
    expressions,
    planning: { start: 0, end: 0, text: '' },
    plan: [],
    steps: [],
    summary: null,
    verdicts,
    mentions,
    noun: 'Person',
    targets,
    cotTargets,
    consistency: {
      consistent: !inconsistent,
      onlyInRegionMap: targets.filter((t) => !cotTargets.includes(t)),
      onlyInCot: cotTargets.filter((t) => !targets.includes(t)),
    },
    warnings: think === 'warn' ? ['no summary section'] : [],
  };
}

/** Renders a deterministic small buffer naming the sample; counts how many renders overlap. */
export function fakeRenderer(hooks: { onRender?: (sample: Sample) => void | Promise<void> } = {}): Renderer & { maxActive: number } {
  let active = 0;
  const renderer = {
    maxActive: 0,
    async render(sample: Sample, _cot: ParsedCot, options: RenderOptions = {}) {
      active++;
      renderer.maxActive = Math.max(renderer.maxActive, active);
      try {
        await hooks.onRender?.(sample);
        await new Promise((r) => setTimeout(r, 2));
        return { data: Buffer.from(`image ${sample.split} ${sample.index}`), width: 10, height: 10, format: options.format ?? 'png' };
      } finally {
        active--;
      }
    },
  };
  return renderer;
}
