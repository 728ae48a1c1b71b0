// Writes a few real renders to $RENDER_CHECK_DIR for a person to look at (skipped otherwise); each must be a complete
// PNG of the size the renderer reports, and every readable fixture sample must render.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { getRenderer } from '../../src/render/index.js';
import { parseAnnotationCot, parseChainOfThought } from '../../src/cot/parse.js';
import { gridBoxes, longThink, makeSample, noisyJpeg, TYPICAL_THINK } from './_helpers.js';

const dir = process.env.RENDER_CHECK_DIR;

describe.skipIf(!dir)('visual check renders', () => {
  it('writes typical, rejection, long, tiny and CJK samples', async () => {
    mkdirSync(dir!, { recursive: true });
    const r = await getRenderer();
    const out = async (name: string, s: ReturnType<typeof makeSample>, cot: ReturnType<typeof parseChainOfThought>) => {
      const img = await r.render(s, cot);
      writeFileSync(join(dir!, `${name}.png`), img.data);
      const { info } = await sharp(img.data, { failOn: 'truncated' }).raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height], name).toEqual([img.width, img.height]);
      console.log(name, img.width, img.height);
    };
    const typicalBoxes: [number, number, number, number][] = [[0.9, 200, 259.6, 823.3], [188.2, 181.9, 255.3, 842.2], [668.2, 176.5, 372.5, 847.6], [394.9, 205.8, 574.1, 818.0]];
    const jpg = await noisyJpeg(1041, 1024);
    const rm = { 'the two people holding hands': [1, 2] };
    await out('typical', makeSample(jpg, typicalBoxes, TYPICAL_THINK, rm), parseChainOfThought(TYPICAL_THINK, 4, rm));
    const rej = TYPICAL_THINK.replace(/\u2705/g, '\u274c');
    await out('rejection', makeSample(jpg, typicalBoxes, rej, { 'the two people holding hands': [] }), parseChainOfThought(rej, 4, { 'the two people holding hands': [] }));
    const lt = longThink(40);
    const big = await noisyJpeg(1280, 960);
    const lrm = { 'the person wearing a red helmet and riding a bicycle': [6, 20, 27, 34] };
    await out('long40', makeSample(big, gridBoxes(40, 1280, 960), lt, lrm), parseChainOfThought(lt, 40, lrm));
    const tiny = await noisyJpeg(120, 90);
    await out('tiny', makeSample(tiny, [[10, 10, 40, 60], [60, 20, 50, 60], [80, 5, 0, 0]], TYPICAL_THINK, rm), parseChainOfThought(TYPICAL_THINK, 4, rm));
    const cjk = TYPICAL_THINK.replace('the two people holding hands', '牵手的两个人 (the two people holding hands)');
    const crm = { '牵手的两个人': [1, 3] };
    await out('cjk', makeSample(jpg, typicalBoxes, cjk, crm), parseChainOfThought(cjk, 4, crm));
    const warn = TYPICAL_THINK.split('# Summarize')[0] + '\n- Person 9: someone outside the image \u2192 \u2705\n- A line that names nobody \u2192 \u274c';
    const wrm = { 'the two people holding hands': [1, 3, 7], 'a second expression that is rather long and names more people': [0] };
    await out(
      'warnings',
      makeSample(jpg, typicalBoxes, warn, wrm, { imageKey: 'https://example.invalid/' + 'very-long-image-key-'.repeat(6) + 'end.jpg' }),
      parseChainOfThought(warn, 4, wrm),
    );
    const large = await noisyJpeg(3000, 2000);
    const lb = gridBoxes(12, 3000, 2000);
    const lrm2 = { 'the people in the top row': [0, 1, 2, 3] };
    const lthink = longThink(12);
    await out('large', makeSample(large, lb, lthink, lrm2), parseChainOfThought(lthink, 12, lrm2));
    const portrait = await noisyJpeg(500, 1400);
    await out('portrait', makeSample(portrait, [[20, 100, 300, 900], [200, 300, 280, 1000]], TYPICAL_THINK, rm), parseChainOfThought(TYPICAL_THINK, 2, rm));
  });
});

describe.skipIf(!dir)('visual check of fixtures/sample', () => {
  it('renders every fixture sample of both splits', async () => {
    const { Dataset } = await import('../../src/dataset/dataset.js');
    const root = join(import.meta.dirname, '../../fixtures/sample');
    const r = await getRenderer();
    const failures: string[] = [];
    for (const [name, prefix] of [['main', 'humanref_cot'], ['rejection', 'humanref_cot_rejection']] as const) {
      const ds = await Dataset.open({
        name,
        imagesTsv: join(root, `${prefix}.images.tsv`),
        annotationsTsv: join(root, `${prefix}.annotations.tsv`),
        annotationsLineidx: join(root, `${prefix}.annotations.tsv.lineidx`),
      });
      try {
        for (let i = 0; i < ds.length; i++) {
          let s;
          try {
            s = await ds.readSample(i);
          } catch (e) {
            console.log(name, i, 'unreadable:', (e as Error).message);
            continue;
          }
          const cot = parseAnnotationCot(s.annotation);
          try {
            const img = await r.render(s, cot);
            writeFileSync(join(dir!, `fixture-${name}-${i}.png`), img.data);
            console.log(name, i, img.width, img.height, cot.warnings.length, 'warnings');
          } catch (e) {
            failures.push(`${name} ${i}: ${(e as Error).message}`);
          }
        }
      } finally {
        await ds.close();
      }
    }
    expect(failures).toEqual([]);
  });
});
