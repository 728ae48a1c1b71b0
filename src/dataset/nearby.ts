// Where a dataset may sit when no option names it: the original tool's places (any letter case: the download page
// spells it HumanRef-CoT-45K), and, when none holds it, the annotations files lying near them under other names.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/**
 * Relative to the working directory: the original tool's default, its README's `data/` copy, and the folder a
 * `git clone` of the dataset makes (with and without `data/`), in that order.
 */
export const DEFAULT_DIRS = ['IDEA-Research/HumanRef-CoT-45k', 'data/IDEA-Research/HumanRef-CoT-45k', 'HumanRef-CoT-45k', 'data/HumanRef-CoT-45k'];
/** An annotations TSV by the name the dataset uses, or one renamed but still saying what it is. */
const ANNOTATIONS_NAME = /annotations?[^/\\]*\.tsv$/i;
/** Bounds on the look-around, so a home folder as working directory costs milliseconds. */
const MAX_ENTRIES = 500;
const MAX_FOUND = 10;

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).slice(0, MAX_ENTRIES);
  } catch {
    return [];
  }
}

/** `rel` under `cwd` with each folder matched regardless of letter case; the real path, or undefined. */
export function findFolder(cwd: string, rel: string): string | undefined {
  let dir = resolve(cwd);
  for (const part of rel.split('/')) {
    const exact = join(dir, part);
    if (isFolder(exact)) {
      dir = exact;
      continue;
    }
    const other = entries(dir).find((e) => e.name.toLowerCase() === part.toLowerCase() && isFolder(join(dir, e.name)));
    if (!other) return undefined;
    dir = join(dir, other.name);
  }
  return dir;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Annotations TSVs in the working directory, `data/`, the parts of the default places that exist, and one level of
 * folders below each: shown relative to `cwd` when no dataset was found, so the user can point at them.
 */
export function nearbyAnnotations(cwd: string): string[] {
  const roots = new Set<string>([resolve(cwd)]);
  for (const rel of DEFAULT_DIRS) {
    const parts = rel.split('/');
    for (let n = 1; n <= parts.length; n++) {
      const found = findFolder(cwd, parts.slice(0, n).join('/'));
      if (found) roots.add(found);
    }
  }
  const dirs = new Set<string>();
  for (const root of roots) {
    dirs.add(root);
    // Real folders only (not symbolic links): the look-around never leaves the tree it was started in.
    for (const e of entries(root)) if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') dirs.add(join(root, e.name));
  }
  const found: string[] = [];
  for (const dir of dirs) {
    for (const e of entries(dir)) {
      if (found.length >= MAX_FOUND) return found;
      if (!e.isDirectory() && ANNOTATIONS_NAME.test(e.name)) found.push(shown(cwd, join(dir, e.name)));
    }
  }
  return found;
}

function shown(cwd: string, path: string): string {
  const rel = relative(resolve(cwd), path);
  return rel.startsWith(`..${sep}`) ? path : rel;
}

/** How to use what was found: the command-line options that point at it. */
export function pointAtNearby(found: readonly string[]): string {
  const first = found[0];
  const folder = first.includes('/') ? first.slice(0, first.lastIndexOf('/')) : '.';
  const more = found.length >= MAX_FOUND ? ', ...' : '';
  return `found ${found.join(', ')}${more}; point at one with --ann-tsv ${first} (and --img-tsv <its images TSV> unless it is named <stem>.images.tsv beside it), or at its folder with --data-dir ${folder}`;
}
