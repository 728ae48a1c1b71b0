// Where a dataset may sit when no option names it: the default places in any letter case, and annotations TSVs nearby.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFolder, nearbyAnnotations, pointAtNearby } from '../../src/dataset/nearby.js';
import { tempDirForEachTest } from '../cli.js';

const tmp = tempDirForEachTest('nearby');

describe('findFolder', () => {
  it('finds a default place whatever the letter case of each folder, and nothing when a part is missing', async () => {
    await mkdir(join(tmp.dir, 'Data', 'idea-research', 'HumanRef-CoT-45K'), { recursive: true });
    expect(findFolder(tmp.dir, 'data/IDEA-Research/HumanRef-CoT-45k')).toBe(join(tmp.dir, 'Data', 'idea-research', 'HumanRef-CoT-45K'));
    expect(findFolder(tmp.dir, 'data/IDEA-Research/other')).toBeUndefined();
  });

  it('does not take a file for a folder', async () => {
    await writeFile(join(tmp.dir, 'HumanRef-CoT-45k'), 'x');
    expect(findFolder(tmp.dir, 'HumanRef-CoT-45k')).toBeUndefined();
  });
});

describe('nearbyAnnotations', () => {
  it('lists annotations TSVs here, one folder down and in the default places, relative to the working directory', async () => {
    await mkdir(join(tmp.dir, 'dl'));
    await mkdir(join(tmp.dir, 'data', 'HumanRef-CoT-45k'), { recursive: true });
    await writeFile(join(tmp.dir, 'my.annotations.tsv'), '');
    await writeFile(join(tmp.dir, 'dl', 'Annotation-v2.tsv'), '');
    await writeFile(join(tmp.dir, 'data', 'HumanRef-CoT-45k', 'x.annotations.tsv'), '');
    await writeFile(join(tmp.dir, 'dl', 'images.tsv'), '');
    expect(nearbyAnnotations(tmp.dir).sort()).toEqual(['data/HumanRef-CoT-45k/x.annotations.tsv', 'dl/Annotation-v2.tsv', 'my.annotations.tsv']);
  });

  it('never follows a symbolic link out of the tree, nor looks in hidden folders or node_modules', async () => {
    await mkdir(join(tmp.dir, 'here'));
    await mkdir(join(tmp.dir, '.hidden'));
    await mkdir(join(tmp.dir, 'node_modules'));
    await writeFile(join(tmp.dir, '.hidden', 'a.annotations.tsv'), '');
    await writeFile(join(tmp.dir, 'node_modules', 'b.annotations.tsv'), '');
    await symlink(join(tmp.dir, 'here'), join(tmp.dir, 'linked'));
    await writeFile(join(tmp.dir, 'here', 'c.annotations.tsv'), '');
    expect(nearbyAnnotations(tmp.dir)).toEqual(['here/c.annotations.tsv']);
  });
});

describe('pointAtNearby', () => {
  it('says how to point at the first one found, by file and by folder', () => {
    expect(pointAtNearby(['dl/a.annotations.tsv', 'b.annotations.tsv'])).toBe(
      'found dl/a.annotations.tsv, b.annotations.tsv; point at one with --ann-tsv dl/a.annotations.tsv (and --img-tsv <its images TSV> unless it is named <stem>.images.tsv beside it), or at its folder with --data-dir dl',
    );
    expect(pointAtNearby(['x.annotations.tsv'])).toMatch(/--data-dir \.$/);
  });
});
