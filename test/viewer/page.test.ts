// index.html carries the page script bundled from client/ at build time, whole and inside its one <script> element.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { viewerHtml } from '../../src/viewer/page.js';

describe('viewerHtml', () => {
  it('inlines the built bundle of client/ (modules joined, nothing left to import) after the index script', () => {
    const html = viewerHtml('t');
    const bundle = readFileSync(new URL('../../dist/viewer/page-script.js', import.meta.url), 'utf8');
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((m) => m[1])).toEqual([' src="viewer-index.js"', '']);
    const inline = scripts[1][2];
    expect(inline).toBe(bundle.replace(/<\/(script)/gi, '<\\/$1'));
    // One classic script: no module syntax survives, and the parts of client/ are all in it.
    expect(inline).not.toMatch(/^\s*(import|export)\s/m);
    for (const part of ['function renderReasoning', 'function renderFigure', 'var Grid', 'var SampleView', 'readIndex']) expect(inline).toContain(part);
  });
});
