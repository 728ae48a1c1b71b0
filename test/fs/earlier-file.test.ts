import { execFileSync } from 'node:child_process';
import { lstat, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readEarlierFile, type EarlierFile } from '../../src/fs/earlier-file.js';
import { tempDirForEachTest } from '../cli.js';

const tmp = tempDirForEachTest('earlier-file');

const spec = (dir: string): EarlierFile<unknown[]> => ({
  dir,
  name: 'log.json',
  parse: (text: string) => {
    const value = JSON.parse(text) as { runs?: unknown };
    if (!Array.isArray(value.runs)) throw new Error('no runs');
    return value.runs as unknown[];
  },
  empty: [] as unknown[],
  asideName: (stamp: string) => `log.unreadable-${stamp}.json`,
  what: 'a log',
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('readEarlierFile', () => {
  it('gives the parsed content, or the empty value when there is no file', async () => {
    const warnings: string[] = [];
    expect(await readEarlierFile(spec(tmp.dir), (w) => warnings.push(w))).toEqual([]);
    await writeFile(join(tmp.dir, 'log.json'), '{"runs":[1,2]}');
    expect(await readEarlierFile(spec(tmp.dir), (w) => warnings.push(w))).toEqual([1, 2]);
    expect(warnings).toEqual([]);
  });

  it('sets a foreign file aside under a free name, never over an existing one', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1234);
    await writeFile(join(tmp.dir, 'log.json'), 'not ours');
    await writeFile(join(tmp.dir, 'log.unreadable-1234.json'), 'an earlier set-aside file');
    const warnings: string[] = [];
    expect(await readEarlierFile(spec(tmp.dir), (w) => warnings.push(w))).toEqual([]);
    expect(await readFile(join(tmp.dir, 'log.unreadable-1234.json'), 'utf8')).toBe('an earlier set-aside file');
    expect(await readFile(join(tmp.dir, 'log.unreadable-1234-2.json'), 'utf8')).toBe('not ours');
    expect((await readdir(tmp.dir)).sort()).toEqual(['log.unreadable-1234-2.json', 'log.unreadable-1234.json']);
    expect(warnings).toEqual([expect.stringMatching(/log\.json could not be read back as a log \(.*\); it was kept as .*log\.unreadable-1234-2\.json and a new one started$/)]);
  });
});

describe('an earlier file that is there but cannot be read is kept, never treated as absent', () => {
  const read = async (s: EarlierFile<unknown[]>) => {
    const warnings: string[] = [];
    const value = await readEarlierFile(s, (w) => warnings.push(w));
    return { value, warnings, files: (await readdir(tmp.dir)).sort() };
  };

  it('a read error (EACCES through the read seam: tests run as root, where mode 000 does not stop reads) moves the file aside intact', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(7);
    await writeFile(join(tmp.dir, 'log.json'), '{"runs":[1]}');
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const r = await read({ ...spec(tmp.dir), read: () => Promise.reject(denied) });
    expect(r.value).toEqual([]);
    expect(r.files).toEqual(['log.unreadable-7.json']);
    expect(await readFile(join(tmp.dir, 'log.unreadable-7.json'), 'utf8')).toBe('{"runs":[1]}');
    expect(r.warnings).toEqual([expect.stringContaining('could not be read back as a log (it cannot be read (EACCES)); it was kept as')]);
  });

  it('a folder at the path is moved aside with its content', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(8);
    await mkdir(join(tmp.dir, 'log.json'));
    await writeFile(join(tmp.dir, 'log.json', 'inside'), 'kept');
    const r = await read(spec(tmp.dir));
    expect(r.files).toEqual(['log.unreadable-8.json']);
    expect(await readFile(join(tmp.dir, 'log.unreadable-8.json', 'inside'), 'utf8')).toBe('kept');
    expect(r.warnings[0]).toContain('(it is a folder)');
  });

  it('a file past the size limit is moved aside unread', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(9);
    await writeFile(join(tmp.dir, 'log.json'), `{"runs":[${'1,'.repeat(100)}1]}`);
    const r = await read({ ...spec(tmp.dir), maxBytes: 64, read: () => Promise.reject(new Error('read though too large')) });
    expect(r.files).toEqual(['log.unreadable-9.json']);
    expect(r.warnings[0]).toMatch(/it is 212 bytes, more than the 64 this tool reads back/);
  });

  it('a symbolic link is moved aside, not followed', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(10);
    await writeFile(join(tmp.dir, 'secret'), '{"runs":["outside"]}');
    await symlink(join(tmp.dir, 'secret'), join(tmp.dir, 'log.json'));
    const r = await read(spec(tmp.dir));
    expect(r.value).toEqual([]);
    expect(r.files).toEqual(['log.unreadable-10.json', 'secret']);
    expect((await lstat(join(tmp.dir, 'log.unreadable-10.json'))).isSymbolicLink()).toBe(true);
  });

  it('a FIFO is moved aside at once, never waited on', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(11);
    execFileSync('mkfifo', [join(tmp.dir, 'log.json')]);
    const r = await read(spec(tmp.dir));
    expect(r.files).toEqual(['log.unreadable-11.json']);
    expect(r.warnings[0]).toContain('not a plain file');
  });

  it('parts the parser drops are left out, and the whole file is kept beside the new one', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(12);
    await writeFile(join(tmp.dir, 'log.json'), '{"runs":[1,"x",2,"y"]}');
    const r = await read({
      ...spec(tmp.dir),
      parse: (text: string, drop: (problem: string) => void) => (JSON.parse(text).runs as unknown[]).filter((v, i) => typeof v === 'number' || void drop(`runs[${i}]`)),
    });
    expect(r.value).toEqual([1, 2]);
    expect(r.files).toEqual(['log.json', 'log.unreadable-12.json']);
    expect(await readFile(join(tmp.dir, 'log.unreadable-12.json'), 'utf8')).toBe('{"runs":[1,"x",2,"y"]}');
    expect(r.warnings).toEqual([expect.stringMatching(/log\.json: runs\[1\] and 1 more could not be used and were left out; the file as it was is kept as .*log\.unreadable-12\.json$/)]);
  });

  it('a file that cannot be set aside either refuses the run (exit 2) and stays as it was', async () => {
    await mkdir(join(tmp.dir, 'log.json'));
    const s = { ...spec(tmp.dir), asideName: () => 'no-such-folder/aside' };
    await expect(readEarlierFile(s, () => undefined)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/log\.json is there but cannot be read back \(it is a folder\), and it could not be set aside either \(ENOENT\); it was left as it is/) });
    expect((await lstat(join(tmp.dir, 'log.json'))).isDirectory()).toBe(true);
  });
});
