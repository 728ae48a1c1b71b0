import { mkdtemp, open, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { createAtomicStream, describeWriteError, prepareOutputDir, writeFileAtomic } from '../../src/fs/atomic-write.js';
import { writeLineidx } from '../../src/runs/index-run.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'humanref-vis-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes the file and leaves no temp file behind', async () => {
    await writeFileAtomic(dir, 'a.png', Buffer.from('one'));
    await writeFileAtomic(dir, 'a.png', Buffer.from('two'));
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFileAtomic(dir, `f${i}.txt`, `n${i}`)));
    const files = await readdir(dir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files).toHaveLength(21);
    expect(await readFile(path.join(dir, 'a.png'), 'utf8')).toBe('two');
  });

  it('throws one OutputError when the folder is gone, and leaves no temp file', async () => {
    const gone = path.join(dir, 'missing');
    await expect(writeFileAtomic(gone, 'a.png', 'x')).rejects.toBeInstanceOf(OutputError);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('prepareOutputDir', () => {
  it('creates nested folders and leaves nothing in them', async () => {
    const out = path.join(dir, 'a', 'b');
    await prepareOutputDir(out);
    expect(await readdir(out)).toEqual([]);
  });

  it('fails with a message naming the folder when it cannot exist', async () => {
    await writeFile(path.join(dir, 'file'), 'x');
    const bad = path.join(dir, 'file', 'sub');
    await expect(prepareOutputDir(bad)).rejects.toThrow(new RegExp(`cannot write ${bad.replace(/[/\\]/g, '.')}`));
  });
});

describe('prepareOutputDir and stale temp files', () => {
  it('removes temp files left by dead processes, keeps live ones and everything else', async () => {
    // A pid far above pid_max (4194304 on Linux) cannot be alive.
    const dead = 99_999_999;
    const stale = [`.main_000001.png.${dead}.3.tmp`, `.manifest.csv.${dead}.1.tmp`, `.humanref-vis-probe.${dead}.tmp`];
    const kept = [`.main_000002.png.${process.pid}.7.tmp`, 'notes.tmp', '.hidden', 'main_000001.png', `.x.${dead}.tmp`];
    for (const name of [...stale, ...kept]) await writeFile(path.join(dir, name), 'x');
    await prepareOutputDir(dir);
    expect((await readdir(dir)).sort()).toEqual([...kept].sort());
  });
});

describe('unsafe writes (issue: symlinks at temp paths, kernel file systems, errno messages)', () => {
  /** Symlinks at every temp name this process could pick next, all pointing at one victim file. */
  async function plantSymlinks(folder: string, name: string): Promise<string> {
    const victim = path.join(folder, 'victim.txt');
    await writeFile(victim, 'precious');
    await symlink(victim, path.join(folder, `.${name}.${process.pid}.tmp`));
    for (let n = 1; n <= 300; n++) await symlink(victim, path.join(folder, `.${name}.${process.pid}.${n}.tmp`)).catch(() => undefined);
    return victim;
  }

  it('writeFileAtomic never follows a symlink planted at a temp name', async () => {
    const victim = await plantSymlinks(dir, 'out.txt');
    await writeFileAtomic(dir, 'out.txt', 'new');
    expect(await readFile(victim, 'utf8')).toBe('precious');
    expect(await readFile(path.join(dir, 'out.txt'), 'utf8')).toBe('new');
  });

  it('`index` writes through the same exclusive create: a planted symlink is not followed', async () => {
    const tsv = path.join(dir, 'a.tsv');
    await writeFile(tsv, 'x\ny\n');
    const victim = await plantSymlinks(dir, 'a.tsv.lineidx');
    await writeLineidx(tsv);
    expect(await readFile(victim, 'utf8')).toBe('precious');
    expect(await readFile(tsv + '.lineidx', 'utf8')).toBe('0\n2\n');
  });

  it('the manifest-style stream does not follow a planted symlink either', async () => {
    const victim = await plantSymlinks(dir, 'm.csv');
    const stream = createAtomicStream(dir, 'm.csv');
    await stream.write('a,b\n');
    await stream.commit();
    expect(await readFile(victim, 'utf8')).toBe('precious');
    expect(await readFile(path.join(dir, 'm.csv'), 'utf8')).toBe('a,b\n');
  });

  it.runIf(process.platform === 'linux')('refuses an output folder under /proc or /sys before any mkdir', async () => {
    await expect(prepareOutputDir('/proc/self/humanref-vis-out/x')).rejects.toThrow(/cannot write \/proc\/self\/humanref-vis-out\/x: it lies in \/proc, a kernel file system, not storage\. Choose another --output-dir/);
    await expect(prepareOutputDir('/sys/humanref-vis')).rejects.toThrow(/it lies in \/sys/);
    // Through a symlink too.
    await symlink('/proc', path.join(dir, 'p'));
    await expect(prepareOutputDir(path.join(dir, 'p', 'out'))).rejects.toThrow(/it lies in \/proc/);
  });

  it('says "permission denied" for EACCES and names a broken symlink, never "free space"', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(describeWriteError(denied, '/x/out', '--output-dir')).toBe('cannot write /x/out: permission denied (EACCES). Fix the permissions or choose another --output-dir');
    const link = path.join(dir, 'dangling');
    await symlink(path.join(dir, 'nowhere', 'deeper'), link);
    await expect(prepareOutputDir(link)).rejects.toThrow(`cannot write ${link}: ${link} is a broken symlink to ${path.join(dir, 'nowhere', 'deeper')}. Create its target or choose another --output-dir`);
    await expect(prepareOutputDir(path.join(link, 'sub'))).rejects.toThrow(`${link} is a broken symlink to`);
  });
});

describe('a write that fails part-way (a full disk)', () => {
  it('closes the temp file and removes it at once, and keeps giving the first error', async () => {
    const probe = await open(path.join(dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { writeFile: (...args: unknown[]) => Promise<void> };
    await probe.close();
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const write = vi.spyOn(proto, 'writeFile').mockRejectedValue(full);
    // Open descriptors of this process on files in the folder: a handle left open is what DEP0137 warns of.
    const openHere = async () => (await Promise.all((await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')))).filter((t) => t.startsWith(dir));
    try {
      const stream = createAtomicStream(dir, 'viewer-text.js');
      await expect(stream.write('window.HRV_TEXT = {\n')).rejects.toThrow(/the disk is full \(ENOSPC\)/);
      expect(await openHere()).toEqual([]);
      expect((await readdir(dir)).sort()).toEqual(['probe']);
      await expect(stream.write('more')).rejects.toThrow(/the disk is full/);
      await expect(stream.commit()).rejects.toThrow(/the disk is full/);
      expect(write).toHaveBeenCalledTimes(1);
    } finally {
      vi.restoreAllMocks();
    }
    expect((await readdir(dir)).sort()).toEqual(['probe']);
  });
});
