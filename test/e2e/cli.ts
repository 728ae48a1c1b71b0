// Spawns the built CLI (`npm test` runs tsc first, so dist/ exists) in a temp working folder.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/humanref-vis.cjs');
export const FIXTURES = join(ROOT, 'fixtures');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `cwd` defaults to an empty temp folder, so no dataset sits at the default places. */
export function cli(args: string[], options: { cwd: string; onSpawn?: (child: ReturnType<typeof spawn>) => void }): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
    options.onSpawn?.(child);
  });
}

export async function tempCwd(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'humanref-vis-e2e-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

export interface BrokenCase {
  dir: string;
  split: string;
  scope: 'sample' | 'file' | 'none';
  length: number;
  badIndex: number | null;
  annOffset: number | null;
  code: string | null;
  file: string | null;
  errorOffset: number | null;
  goodIndices: number[];
}
