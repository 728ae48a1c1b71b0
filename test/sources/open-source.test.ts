// One call opens a split by its kind: upstream's GRPO JSONL as a ToySource, anything else as a HumanRef-CoT TSV pair.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/dataset/dataset.js';
import { openSource } from '../../src/sources/open-source.js';
import { ToySource } from '../../src/sources/toy.js';
import { FIXTURES, tempDirForFile } from '../cli.js';
import { writeToyFixture } from './toy-fixture.js';

const tmp = tempDirForFile('open-source');

describe('openSource', () => {
  it('opens a .jsonl annotations file as upstream GRPO rows', async () => {
    const { anno, images } = await writeToyFixture(tmp.dir);
    const source = await openSource({ name: 'toy', annotationsTsv: anno, imagesTsv: images, annotationsLineidx: null });
    try {
      expect(source).toBeInstanceOf(ToySource);
      expect(source.length).toBe(3);
    } finally {
      await source.close();
    }
  });

  it('opens a TSV pair as the dataset, with its .lineidx', async () => {
    const stem = join(FIXTURES, 'sample', 'humanref_cot');
    const source = await openSource({ name: 'main', annotationsTsv: `${stem}.annotations.tsv`, imagesTsv: `${stem}.images.tsv`, annotationsLineidx: `${stem}.annotations.tsv.lineidx` });
    try {
      expect(source).toBeInstanceOf(Dataset);
      expect(source.length).toBe(16);
    } finally {
      await source.close();
    }
  });
});
