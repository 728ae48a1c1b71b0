// inspect's work: one sample read and printed for a person (or as one JSON object).
import { toJson } from '../json.js';
import { EXIT, UsageError, oneLine } from '../errors.js';
import type { ImageHeader, ParsedCot, Sample, SplitPaths } from '../types.js';
import { imageHeaderOf, type ReadImageHeader } from '../checks/image-info.js';
import { hasNoReasoning } from '../sources/toy-checks.js';
import { candidateNames } from '../cot/nouns.js';
import type { ParseCot, SampleSource } from '../plumbing/seams.js';
import type { RunIo } from '../plumbing/run-io.js';

/** Everything inspect shows, computed once for both output forms. */
interface InspectView {
  sample: Sample;
  count: number;
  paths: SplitPaths;
  header: ImageHeader;
  /** 1-based persons named by any region_map expression. */
  targets: Set<number>;
  /** The parsed chain of thought: final verdicts and their consistency with region_map. */
  cot: ParsedCot;
}

export interface InspectOptions {
  index: number;
  paths: SplitPaths;
  json: boolean;
}

export interface InspectDeps {
  openSource: (paths: SplitPaths) => Promise<SampleSource>;
  parseCot: ParseCot;
  readImageHeader: ReadImageHeader;
}

/** Reads one sample of one split and prints it (text, or one JSON object); an index past the end is a usage error. */
export async function runInspect(options: InspectOptions, deps: InspectDeps, io: Pick<RunIo, 'stdout'>): Promise<number> {
  const { index, paths } = options;
  const dataset = await deps.openSource(paths);
  try {
    if (index >= dataset.length) {
      const range = dataset.length === 0 ? 'the split has no samples' : `valid: 0 to ${dataset.length - 1}`;
      throw new UsageError(`sample ${index} is out of range for split ${paths.name} (${range})`);
    }
    const sample = await dataset.readSample(index);
    const view = buildView(sample, dataset.length, paths, deps);
    io.stdout.write(options.json ? toJson(inspectJson(view), 2) + '\n' : formatText(view));
    return EXIT.ok;
  } finally {
    await dataset.close();
  }
}

function buildView(sample: Sample, count: number, paths: SplitPaths, deps: InspectDeps): InspectView {
  const header = imageHeaderOf(sample, paths.imagesTsv, deps.readImageHeader);
  const targets = new Set(Object.values(sample.annotation.regionMap).flat().map((i) => i + 1));
  return { sample, count, paths, header, targets, cot: deps.parseCot(sample.annotation) };
}

function xyxy(box: readonly number[]): [number, number, number, number] {
  return [box[0], box[1], box[0] + box[2], box[1] + box[3]];
}

function personList(persons: number[], noun: string): string {
  return persons.length === 0 ? 'nobody' : candidateNames(noun, persons);
}

/** Text output for a terminal: data strings never carry escape sequences or stray line breaks (think keeps its newlines). */
function formatText(view: InspectView): string {
  const { sample, header, targets, cot } = view;
  const noun = cot.noun;
  const out: string[] = [
    `split:       ${sample.split}`,
    `sample:      ${sample.index} (valid: 0 to ${view.count - 1})`,
    `annotation:  ${view.paths.annotationsTsv} at byte ${sample.annOffset}`,
    `image line:  ${view.paths.imagesTsv} at byte ${sample.imgOffset}`,
  ];
  const regionMap = Object.entries(sample.annotation.regionMap);
  // Rejection samples may have `{}`: the parser then takes the expression from the planning sentence.
  if (regionMap.length === 0) out.push(`expression:  ${cot.expressions.map((e) => oneLine(JSON.stringify(e))).join(', ') || '(none found)'} (region_map is empty)`);
  for (const [expression, indices] of regionMap) out.push(`expression:  ${oneLine(JSON.stringify(expression))} → ${personList(indices.map((i) => i + 1), noun)}`);
  out.push(`image key:   ${oneLine(sample.imageKey)}`, `image:       ${header.format} ${header.width}×${header.height}`);
  out.push(`candidates:  ${sample.annotation.gtBoxes.length} (boxes as x1, y1, x2, y2 in pixels)`);
  sample.annotation.gtBoxes.forEach((box, i) => {
    const coords = xyxy(box).map((n) => n.toFixed(1)).join(', ');
    out.push(`  ${noun} ${i + 1}: ${coords}  final ${cot.verdicts[i] ?? '(no mark)'}${targets.has(i + 1) ? '  target' : ''}`);
  });
  const c = cot.consistency;
  out.push(
    hasNoReasoning(sample.annotation)
      ? 'consistency: (no reasoning to compare with region_map)'
      : c.consistent
        ? `consistency: ✅ the reasoning's ✅ set matches region_map (${personList(cot.targets, noun)})`
        : `consistency: ❌ mismatch: only in region_map: ${personList(c.onlyInRegionMap, noun)}; only in reasoning: ${personList(c.onlyInCot, noun)}`,
  );
  for (const warning of cot.warnings) out.push(`parser note: ${oneLine(warning)}`);
  out.push('', 'reasoning:', sample.annotation.think.split('\n').map(oneLine).join('\n'), '');
  return out.join('\n');
}

function inspectJson(view: InspectView): Record<string, unknown> {
  const { sample, header, targets } = view;
  return {
    split: sample.split,
    index: sample.index,
    count: view.count,
    annotationsTsv: view.paths.annotationsTsv,
    annOffset: sample.annOffset,
    imagesTsv: view.paths.imagesTsv,
    imgOffset: sample.imgOffset,
    imageKey: sample.imageKey,
    image: { format: header.format, width: header.width, height: header.height, bytes: sample.image.length },
    expressions: Object.entries(sample.annotation.regionMap).map(([expression, indices]) => ({ expression, targets: indices.map((i) => i + 1) })),
    candidates: sample.annotation.gtBoxes.map((box, i) => ({ person: i + 1, xywh: box, xyxy: xyxy(box), target: targets.has(i + 1) })),
    think: sample.annotation.think,
    extra: sample.annotation.extra,
    cot: view.cot,
  };
}
