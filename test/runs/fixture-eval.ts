// An eval run over fixtures/eval (annotations.jsonl and its images) in-process, drawing its pictures for real, quiet.
import path from 'node:path';
import { parseChainOfThought } from '../../src/cot/parse.js';
import { renderEvalPicture } from '../../src/eval/picture.js';
import { runEval } from '../../src/runs/eval-run.js';
import { FIXTURES_DIR } from '../fixtures/cases.js';

export const EVAL_DIR = path.join(FIXTURES_DIR, 'eval');

type Options = Parameters<typeof runEval>[0];
type WriteViewer = Parameters<typeof runEval>[1]['writeViewer'];

/** Runs eval into `dir` on the prediction files of `models` (name -> file in fixtures/eval); returns its exit code. */
export function fixtureEval(dir: string, models: Record<string, string>, selection: Options['selection'], writeViewer: WriteViewer, format: Options['format'] = 'png'): Promise<number> {
  return runEval(
    {
      outputDir: dir,
      groundTruth: { kind: 'jsonl', file: path.join(EVAL_DIR, 'annotations.jsonl'), imagesDir: path.join(EVAL_DIR, 'images') },
      models: Object.entries(models).map(([name, file]) => ({ name, file: path.join(EVAL_DIR, file) })),
      selection,
      pictures: true,
      format,
      fast: true,
      concurrency: 2,
      json: false,
      quiet: true,
    },
    { parseCot: parseChainOfThought, renderPicture: async () => renderEvalPicture, writeViewer },
    { stdout: { write: () => true }, stderr: { write: () => true } },
  );
}
