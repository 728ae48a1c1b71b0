// JSONL files for the reader tests: a ground-truth line, and a file of lines in one temp folder per test file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** A temp folder made before the file's tests and removed after; `file` writes lines into it. */
export function jsonlFolder(): { readonly dir: string; file(name: string, lines: string[], eol?: string): Promise<string> } {
  const folder = {
    dir: '',
    async file(name: string, lines: string[], eol = '\n') {
      const p = path.join(folder.dir, name);
      await writeFile(p, lines.join(eol) + eol);
      return p;
    },
  };
  beforeAll(async () => {
    folder.dir = await mkdtemp(path.join(tmpdir(), 'humanref-vis-eval-read-'));
  });
  afterAll(() => rm(folder.dir, { recursive: true, force: true }));
  return folder;
}

/** One annotations.jsonl line: two candidates, the first the answer. */
export const gtLine = (id: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, image_name: `${id}.jpg`, referring: 'the man', candidate_boxes: [[0, 0, 10, 10], [20, 0, 30, 10]], answer_boxes: [[0, 0, 10, 10]], domain: 'attribute', sub_domain: 'color', ...extra });
