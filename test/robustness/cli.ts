// What a CLI run (test/cli.ts) left in its output folder: images decoded in full, the manifest, temp files.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseString } from 'fast-csv';
import sharp from 'sharp';

import { isImage, listFiles } from '../cli.js';

export { cli, cliInProcess, isImage, isTemp, listFiles, type CliResult } from '../cli.js';

/** Every file and folder below `dir` (relative paths, sorted), for before/after snapshots. */
export async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      out.push(relative(dir, full) + (entry.isDirectory() ? '/' : ''));
      if (entry.isDirectory()) await walk(full);
    }
  };
  await walk(dir);
  return out.sort();
}

/** Decodes every pixel of the image (a half-written file fails here); returns its size. */
export async function decodeFully(file: string): Promise<{ width: number; height: number }> {
  const { info } = await sharp(await readFile(file), { failOn: 'truncated' }).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height };
}

export type ManifestRow = Record<string, string>;

export async function readManifest(dir: string): Promise<ManifestRow[]> {
  const text = await readFile(join(dir, 'manifest.csv'), 'utf8');
  return new Promise((resolvePromise, reject) => {
    const rows: ManifestRow[] = [];
    parseString(text, { headers: true })
      .on('error', reject)
      .on('data', (row: ManifestRow) => rows.push(row))
      .on('end', () => resolvePromise(rows));
  });
}

/** Calls `then` once the folder holds at least `count` images (polling), e.g. to interrupt a run under way. */
export function whenImages(dir: string, count: number, then: () => void): { stop: () => void } {
  let done = false;
  const timer = setInterval(async () => {
    if (done) return;
    const files = await listFiles(dir);
    if (files.filter(isImage).length >= count) {
      done = true;
      clearInterval(timer);
      then();
    }
  }, 15);
  return {
    stop: () => {
      done = true;
      clearInterval(timer);
    },
  };
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
