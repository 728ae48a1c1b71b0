// render/'s public face: importing it (as validate and stats do, for the border rule) loads no native module;
// the drawing parts load on first use and draw the same picture as the module behind them.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli.js';

const native = /[\\/]node_modules[\\/](@napi-rs[\\/]|sharp[\\/]|piscina[\\/])/;

/** The modules of packages a fresh process has loaded after running `code` (an ES module body). */
function loadedAfter(code: string): string[] {
  const script = `import { createRequire } from 'node:module';\n${code}\nconsole.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' })) as string[];
}

describe('render/index.ts', () => {
  it('loads neither canvas, sharp nor the thread pool when imported', () => {
    const index = join(ROOT, 'dist/render/index.js');
    expect(loadedAfter(`const r = await import(${JSON.stringify(index)}); r.borderTolerance(100); r.candidateColor(1, null);`).filter((f) => native.test(f))).toEqual([]);
    // The check can fail: the drawing parts do load them.
    expect(loadedAfter(`await import(${JSON.stringify(join(ROOT, 'dist/render/render.js'))});`).filter((f) => native.test(f)).length).toBeGreaterThan(0);
  });

  it('hands out the process’s one renderer', async () => {
    const { getRenderer, getPictureDrawer } = await import('../../src/render/index.js');
    const { getDetailedRenderer } = await import('../../src/render/render.js');
    const shared = await getDetailedRenderer();
    expect(await getRenderer()).toBe(shared);
    expect(await getPictureDrawer()).toBe(shared);
  });
});
