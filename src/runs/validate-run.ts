// `validate`: reads every sample (annotation, image line, image header; no pixels), reports broken samples and findings.
import { toJson } from '../json.js';
import { DataError, EXIT, exitCodeForSignal, formatDataMessage, type DataLocation } from '../errors.js';
import type { SplitPaths } from '../types.js';
import { annotationFindings, imageFindings } from '../checks/findings.js';
import { imageHeaderOf, type ReadImageHeader } from '../checks/image-info.js';
import { InOrder } from '../plumbing/ordered.js';
import { forEachSample } from '../plumbing/each-sample.js';
import type { ParseCot, SampleSource } from '../plumbing/seams.js';
import type { RunIo } from '../plumbing/run-io.js';

export interface Problem {
  /** error: the sample is broken (cannot be rendered); warning: a finding it still renders with. */
  level: 'error' | 'warning';
  split: string;
  file: string;
  index: number | null;
  offset: number | null;
  code: string;
  message: string;
}

export interface ValidateOptions {
  json: boolean;
  strict: boolean;
  quiet: boolean;
  concurrency: number;
}

export interface ValidateDeps {
  splits: readonly SplitPaths[];
  openSource: (paths: SplitPaths) => Promise<SampleSource>;
  parseCot: ParseCot;
  readImageHeader: ReadImageHeader;
}

export function brokenProblem(split: string, error: DataError): Problem {
  return { level: 'error', split, file: error.where.file, index: error.where.index ?? null, offset: error.where.offset ?? null, code: error.code, message: error.message };
}

export function formatProblem(p: Problem): string {
  return `${p.level}: ${p.message}`;
}

/** Checks one sample; a DataError (unreadable line, bad JSON or types, undecodable image header) makes it broken. */
export async function checkSample(source: SampleSource, index: number, deps: Pick<ValidateDeps, 'parseCot' | 'readImageHeader'>): Promise<Problem[]> {
  const split = source.paths.name;
  try {
    const sample = await source.readSample(index);
    const header = imageHeaderOf(sample, source.paths.imagesTsv, deps.readImageHeader);
    const { annotation } = sample;
    const cot = deps.parseCot(annotation);
    const where: DataLocation = { file: source.paths.annotationsTsv, index, offset: sample.annOffset };
    const findings = [...annotationFindings(annotation, cot), ...imageFindings(annotation, header.width, header.height, cot.noun)];
    return findings.map((f) => ({ level: 'warning', split, file: where.file, index, offset: sample.annOffset, code: f.code, message: formatDataMessage(where, f.message, '') }));
  } catch (error) {
    if (error instanceof DataError) return [brokenProblem(split, error)];
    // A bug of ours on one odd sample should not hide the report on all the others.
    const reason = error instanceof Error ? error.message : String(error);
    const where = { file: source.paths.annotationsTsv, index };
    return [{ level: 'error', split, file: where.file, index, offset: null, code: 'internal', message: formatDataMessage(where, `internal error while checking (a bug; please report it): ${reason}`, '') }];
  }
}

export interface ValidateTotals {
  samples: number;
  broken: number;
  withFindings: number;
  findings: number;
  brokenFiles: number;
}

export async function runValidate(options: ValidateOptions, deps: ValidateDeps, io: RunIo): Promise<number> {
  const now = io.now ?? (() => performance.now());
  const started = now();
  const totals: ValidateTotals = { samples: 0, broken: 0, withFindings: 0, findings: 0, brokenFiles: 0 };
  const report = (p: Problem) => io.signal?.reason !== 'EPIPE' && io.stdout.write(options.json ? `${toJson(p)}\n` : `${formatProblem(p)}\n`);

  await forEachSample(
    {
      splits: deps.splits,
      openSource: deps.openSource,
      concurrency: options.concurrency,
      quiet: options.quiet,
      verb: 'validating',
      onUnopenable: (paths, error) => {
        totals.brokenFiles++;
        report(brokenProblem(paths.name, error));
      },
      visit: (source) => {
        // Problems print in sample order whatever order the reads finish in.
        const inOrder = new InOrder<Problem[]>((problems) => problems.forEach(report));
        return {
          sample: async (index, position) => {
            const problems = await checkSample(source, index, deps);
            const broken = problems.some((p) => p.level === 'error');
            totals.samples++;
            if (broken) totals.broken++;
            else if (problems.length > 0) totals.withFindings++;
            totals.findings += problems.filter((p) => p.level === 'warning').length;
            inOrder.put(position, problems.length ? problems : null);
            return !broken;
          },
          end: () => inOrder.flush(),
        };
      },
    },
    io,
  );

  const seconds = (now() - started) / 1000;
  if (!options.quiet || totals.broken || totals.brokenFiles) {
    const files = totals.brokenFiles ? `, ${totals.brokenFiles} unreadable file${totals.brokenFiles === 1 ? '' : 's'}` : '';
    io.stderr.write(
      `validated ${totals.samples} sample${totals.samples === 1 ? '' : 's'} in ${deps.splits.length} split${deps.splits.length === 1 ? '' : 's'}: ${totals.broken} broken, ` +
        `${totals.withFindings} with findings (${totals.findings} findings)${files} in ${seconds.toFixed(1)} s\n`,
    );
  }
  if (io.signal?.aborted) return exitCodeForSignal(io.signal.reason);
  if (totals.broken > 0 || totals.brokenFiles > 0) return EXIT.failed;
  if (options.strict && totals.findings > 0) return EXIT.failed;
  return EXIT.ok;
}
