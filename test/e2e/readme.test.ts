// Every command the README and docs/*.md print runs as printed (inside the checkout, after its set-up): none is a usage
// error, "command not found" or a crash, and none is written as a bare `humanref-vis` a fresh checkout lacks. Lines with a
// pipe or `&&` (and the first) run in bash through the bin; plain ones run the same command line in this process.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cliInProcess, ROOT, tempCwd } from './cli.js';

/** The README and the reference pages it links to. */
async function documents(): Promise<string[]> {
  const docs = (await readdir(join(ROOT, 'docs'))).filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'docs', f));
  return [join(ROOT, 'README.md'), ...docs.sort()];
}

/** The shell commands of the ```sh blocks of the README and docs/, continuation lines joined, comments dropped. */
async function readmeCommands(): Promise<string[]> {
  const text = (await Promise.all((await documents()).map((f) => readFile(f, 'utf8')))).join('\n');
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  const commands: string[] = [];
  for (const block of blocks) {
    const joined = block.replace(/\\\n\s*/g, ' ');
    for (const raw of joined.split('\n')) {
      const line = raw.replace(/^\$ /, '').replace(/\s+#\s.*$/, '').trim();
      // A line that is all comment (an example's output shown as one) is no command.
      if (line && !line.startsWith('#')) commands.push(line);
    }
  }
  return commands;
}

let cwd: string;
let cleanup: () => Promise<void>;
let shims: string;
beforeAll(async () => {
  ({ dir: cwd, cleanup } = await tempCwd());
  // The checkout's files the examples name, and `npx humanref-vis` as npx runs it inside the checkout (this bin).
  await symlink(join(ROOT, 'fixtures'), join(cwd, 'fixtures'));
  shims = join(cwd, '.shims');
  await mkdir(shims);
  await writeFile(join(shims, 'npx'), `#!/bin/sh\nif [ "$1" = humanref-vis ]; then shift; exec "${process.execPath}" "${BIN}" "$@"; fi\necho "npx $1: not expected in the README" >&2\nexit 127\n`);
  await chmod(join(shims, 'npx'), 0o755);
});
afterAll(async () => {
  await cleanup();
});

const hasJq = spawnSync('jq', ['--version']).status === 0;

/** A command as printed, run by bash with the npx shim first on PATH: pipes, `&&` and all. */
function runInShell(command: string): { status: number | null; stderr: string } {
  return spawnSync('bash', ['-o', 'pipefail', '-c', command], { cwd, env: { ...process.env, PATH: `${shims}:${process.env.PATH}` }, encoding: 'utf8', timeout: 120_000 });
}

/**
 * The arguments of a plain `npx humanref-vis ...` line (no pipe, redirect, `&&`, variable or substitution), split into
 * words by bash itself, quotes and all; null for any other line.
 */
function plainArgs(command: string): string[] | null {
  const rest = /^npx humanref-vis\b(.*)$/.exec(command)?.[1];
  if (rest === undefined || /[|&;<>$`]/.test(rest)) return null;
  const words = spawnSync('bash', ['-c', `printf '%s\\0' ${rest}`], { cwd, encoding: 'utf8' }).stdout;
  return words.split('\0').slice(0, -1);
}

/**
 * Such a line run in this process through the built CLI's command line (test/cli.ts), which the bin calls: the same
 * command without a process start each (~0.3 s of CPU). The first command and every line with a pipe or `&&` still
 * run in bash through the bin.
 */
async function runHere(args: string[]): Promise<{ status: number | null; stderr: string }> {
  const r = await cliInProcess(args, { cwd, timeoutMs: 120_000 });
  return { status: r.code, stderr: r.stderr };
}

describe('README and docs/ commands', () => {
  it('writes every humanref-vis command as `npx humanref-vis` (what works in a fresh checkout)', async () => {
    const commands = await readmeCommands();
    const ours = commands.filter((c) => /\bhumanref-vis\b/.test(c) && !c.startsWith('git clone'));
    expect(ours.length).toBeGreaterThan(15);
    for (const c of ours) expect(c, c).toMatch(/^(npm install && )?npx humanref-vis\b|^(python3|MALLOC)/);
    // Bare `humanref-vis` anywhere in running text must come with the link step that makes it exist.
    const text = await readFile(join(ROOT, 'README.md'), 'utf8');
    expect(text).toMatch(/npm link/);
  });

  it.runIf(process.platform !== 'win32')(
    'runs each one as printed: no usage error, no command not found, no crash, no empty selection',
    async () => {
      // The README repeats some of the docs' examples word for word: each distinct command runs once, in the order first printed.
      const commands = [...new Set(await readmeCommands())].filter((c) => c.startsWith('npx humanref-vis') && (hasJq || !c.includes('| jq')));
      const results: string[] = [];
      const empty: string[] = [];
      for (const [i, command] of commands.entries()) {
        const r = i > 0 && plainArgs(command) ? await runHere(plainArgs(command)!) : runInShell(command);
        results.push(`${r.status} ${command}${r.status !== 0 && r.status !== 1 ? `\n${r.stderr.slice(0, 500)}` : ''}`);
        // An example that selects nothing on the bundled sample shows the reader nothing.
        if (/no samples match the selection/.test(r.stderr)) empty.push(command);
      }
      if (process.env.SHOW_README_RUNS) console.log(results.join("\n"));
      for (const line of results) expect(line).toMatch(/^[01] /);
      expect(empty).toEqual([]);
    },
    600_000,
  );
});

// Keeps `execFileSync` for a quick sanity check of the shim itself.
describe('the npx shim of this test', () => {
  it('runs this checkout\'s bin', () => {
    const out = execFileSync(join(shims, 'npx'), ['humanref-vis', '--version'], { encoding: 'utf8' });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
