// The one way tests run the built CLI (`npm test` compiles first, so dist/ exists), and the temp folders they run it in.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin/humanref-vis.cjs');
export const FIXTURES = join(ROOT, 'fixtures');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  /** Runs `prefix... node bin/humanref-vis.cjs ...args` (e.g. under unshare). */
  prefix?: string[];
  onSpawn?: (child: ChildProcess) => void;
  /** A run that does not end by then is killed (SIGKILL) and reported as such; default 45 s. */
  timeoutMs?: number;
}

/** Runs `node bin/humanref-vis.cjs ...args` in `cwd` and collects its exit, stdout and stderr. */
export function cli(args: string[], options: CliOptions): Promise<CliResult> {
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

/** A fresh folder under the system temp dir, and its removal. */
export async function tempDir(label: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `humanref-vis-${label}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A temp folder for the tests of one file: made before them, removed after; read `.dir` inside a test or hook. */
export function tempDirForFile(label: string): { readonly dir: string } {
  return hookedTempDir(label, beforeAll, afterAll);
}

/** A fresh temp folder for each test of the file. */
export function tempDirForEachTest(label: string): { readonly dir: string } {
  return hookedTempDir(label, beforeEach, afterEach);
}

function hookedTempDir(label: string, before: (fn: () => Promise<void>) => void, after: (fn: () => Promise<void> | undefined) => void): { readonly dir: string } {
  const folder = { dir: '' };
  let cleanup: (() => Promise<void>) | undefined;
  before(async () => {
    ({ dir: folder.dir, cleanup } = await tempDir(label));
  });
  after(() => cleanup?.());
  return folder;
}

/** Files of a folder, sorted; [] when it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [])).sort();
}

/** An output image (any --format), and a temp file a run must not leave behind. */
export const isImage = (f: string) => /\.(png|jpg|webp)$/.test(f);
export const isTemp = (f: string) => f.startsWith('.') || f.endsWith('.tmp');
