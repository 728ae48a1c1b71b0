// How a run starts in its output folder: colliding names refused first, warnings said, the folder made and locked,
// the lock released however the run ends; an unusable folder is the user's --output-dir, so a usage error.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError, UsageError } from '../../src/errors.js';
import { LOCK_FILE } from '../../src/fs/run-lock.js';
import { asUsageError, inOutputFolder } from '../../src/runs/output-folder.js';
import { tempDirForEachTest } from '../cli.js';
import { fakeSource } from '../fakes.js';

const tmp = tempDirForEachTest('output-folder');

function io() {
  const err: string[] = [];
  return { err, io: { stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) } } };
}

describe('inOutputFolder', () => {
  it('makes the folder, says the dataset warnings, holds the lock while the run runs and releases it after', async () => {
    const out = join(tmp.dir, 'a', 'b');
    const { err, io: runIo } = io();
    const during = await inOutputFolder(out, [fakeSource('main', [])], ['old .lineidx'], runIo, async () => readdir(out));
    expect(during).toContain(LOCK_FILE);
    expect(await readdir(out)).not.toContain(LOCK_FILE);
    expect(err).toEqual(['humanref-vis: warning: old .lineidx\n']);
  });

  it('releases the lock when the run throws, so the next run may start', async () => {
    const { io: runIo } = io();
    await expect(inOutputFolder(tmp.dir, [], undefined, runIo, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(inOutputFolder(tmp.dir, [], undefined, runIo, async () => 7)).resolves.toBe(7);
  });

  it('refuses splits whose names collide and a folder that is a file, before the run starts', async () => {
    const { io: runIo } = io();
    let ran = false;
    const run = async () => void (ran = true);
    await expect(inOutputFolder(tmp.dir, [fakeSource('a b', []), fakeSource('a_b', [])], [], runIo, run)).rejects.toThrow(UsageError);
    await writeFile(join(tmp.dir, 'file'), 'x');
    await expect(inOutputFolder(join(tmp.dir, 'file'), [], [], runIo, run)).rejects.toThrow(UsageError);
    expect(ran).toBe(false);
  });
});

describe('asUsageError', () => {
  it('turns an OutputError into a UsageError with its message and rethrows anything else as it is', () => {
    expect(() => asUsageError(new OutputError('cannot write x'))).toThrow(UsageError);
    expect(() => asUsageError(new OutputError('cannot write x'))).toThrow('cannot write x');
    const other = new TypeError('bug');
    expect(() => asUsageError(other)).toThrow(other);
  });
});
