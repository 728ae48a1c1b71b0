// The one way tests run the built CLI (`npm test` compiles first, so dist/ exists), and the temp folders they run it in.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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

type CommandLine = (args: string[]) => Promise<number>;
let commandLine: Promise<CommandLine> | undefined;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `humanref-vis ...args` of the built CLI (dist/, as the bin does) in this test process: the same command code as
 * `cli()` without starting a process (~0.3 s of CPU each). For tests of what a command writes and returns; what only a
 * process shows stays with `cli()`: the bin's set-up, signals, pipes, exiting with no handle left open. Runs one at a time
 * (the working folder and the streams are the process's), so `Promise.all` of two is two in a row.
 */
export function cliInProcess(args: string[], options: { cwd: string; timeoutMs?: number }): Promise<CliResult> {
  const run = queue.then(() => runHere(args, options));
  queue = run.catch(() => undefined);
  return run;
}

async function runHere(args: string[], options: { cwd: string; timeoutMs?: number }): Promise<CliResult> {
  commandLine ??= import(pathToFileURL(join(ROOT, 'dist/cli.js')).href).then((m: typeof import('../src/cli.js')) => m.runCommandLine);
  const run = await commandLine;
  const stdout = captured(process.stdout);
  const stderr = captured(process.stderr);
  const cwd = process.cwd();
  process.chdir(options.cwd);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`humanref-vis ${args.join(' ')}: no end after ${options.timeoutMs ?? 45_000} ms`)), options.timeoutMs ?? 45_000);
    });
    const code = await Promise.race([run(args), timeout]);
    return { code, signal: null, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    clearTimeout(timer);
    process.chdir(cwd);
    stdout.restore();
    stderr.restore();
  }
}

/** What a stream is given until restore(), kept as text instead of written. */
function captured(stream: NodeJS.WriteStream): { text(): string; restore(): void } {
  const write = stream.write;
  let text = '';
  stream.write = ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done as () => void);
    return true;
  }) as typeof stream.write;
  return { text: () => text, restore: () => void (stream.write = write) };
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
