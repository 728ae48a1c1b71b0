// Runs the built CLI (`npm test` compiles first) and inspects what it left in its output folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseString } from 'fast-csv';
import sharp from 'sharp';
import { ROOT } from './corpus.js';

export const BIN = join(ROOT, 'bin/humanref-vis.cjs');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/humanref-vis.cjs ...args`, or `prefix... node bin/humanref-vis.cjs ...args` (e.g. under unshare). */
export function cli(args: string[], options: { cwd: string; prefix?: string[]; onSpawn?: (child: ChildProcess) => void; timeoutMs?: number }): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const command = options.prefix ? [...options.prefix, process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
    const child = spawn(command[0], command.slice(1), { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // No hang: a run that does not end is killed and reported.
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 45_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
    options.onSpawn?.(child);
  });
}

export const isImage = (f: string) => /\.(png|jpg|webp)$/.test(f);
export const isTemp = (f: string) => f.startsWith('.') || f.endsWith('.tmp');

/** Files of a folder, sorted; [] when it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [])).sort();
}

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
