// Eval photos by image_name: read only from inside --images (after symlinks), only regular files, within the size
// and pixel limits of the TSV reader; every refusal is one message for that sample, and the others are drawn.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess, FIXTURES, tempDirForFile } from '../e2e/cli.js';

const EVAL = join(FIXTURES, 'eval');
const tmp = tempDirForFile('eval-images');

describe.skipIf(process.platform === 'win32')('image_name and --images', () => {
  it('eval: each escaping, special or oversized image_name fails its own picture with a message; nothing from outside reaches viewer-data/', async () => {
    const images = join(tmp.dir, 'images');
    await mkdir(images);
    await copyFile(join(EVAL, 'images', 'park5.jpg'), join(images, 'park5.jpg'));
    // A photo next to the folder, reachable by ../ and by a symlink inside it.
    await copyFile(join(EVAL, 'images', 'room3.jpg'), join(tmp.dir, 'secret.jpg'));
    await symlink(join(tmp.dir, 'secret.jpg'), join(images, 'link.jpg'));
    await symlink('/dev/zero', join(images, 'zero.jpg'));
    execFileSync('mkfifo', [join(images, 'pipe.jpg')]);
    const first = JSON.parse((await readFile(join(EVAL, 'annotations.jsonl'), 'utf8')).split('\n')[0]);
    const names = ['park5.jpg', '../secret.jpg', 'link.jpg', '/etc/passwd', 'zero.jpg', 'pipe.jpg', '../../../../../../etc/shadow'];
    const gt = join(tmp.dir, 'gt.jsonl');
    await writeFile(gt, names.map((n, i) => JSON.stringify({ ...first, id: `s${i}`, image_name: n })).join('\n') + '\n');
    const pred = join(tmp.dir, 'pred.jsonl');
    await writeFile(pred, `${JSON.stringify({ id: 's0', extracted_predictions: [first.answer_boxes[0]] })}\n`);
    const out = join(tmp.dir, 'out');
    const r = await cliInProcess(['eval', '--gt', gt, '--images', images, '--pred', pred, '--num-vis', 'all', '--output-dir', out], { cwd: tmp.dir, timeoutMs: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 picture drawn, 6 failed/);
    const failures = r.stderr.split('\n').filter((l) => l.startsWith('humanref-vis: picture of sample'));
    expect(failures).toHaveLength(6);
    expect(failures[0]).toMatch(/sample 1 \(s1\).*image_name "\.\.\/secret\.jpg" leads out of the --images folder/);
    expect(failures[1]).toMatch(/sample 2 \(s2\).*image_name "link\.jpg" is a symbolic link to .*secret\.jpg, outside the --images folder/);
    expect(failures[2]).toMatch(/sample 3 \(s3\).*image_name "\/etc\/passwd" leads out of/);
    expect(failures[3]).toMatch(/sample 4 \(s4\).*"zero\.jpg" is a symbolic link to \/dev\/zero, outside/);
    expect(failures[4]).toMatch(/sample 5 \(s5\).*pipe\.jpg: the image is a pipe \(FIFO\), not a regular file/);
    expect(failures[5]).toMatch(/sample 6 \(s6\).*leads out of/);
    const copied = await readdir(join(out, 'viewer-data'));
    const photos = copied.filter((f) => /\.(jpg|png|webp|gif)$/.test(f));
    expect(photos).toHaveLength(1);
    expect(await readFile(join(out, 'viewer-data', photos[0]))).toEqual(await readFile(join(images, 'park5.jpg')));
  });
});
