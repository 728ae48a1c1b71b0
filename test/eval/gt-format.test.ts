// Which ground truth a --gt file holds, from its content: HumanRef's annotations.jsonl or upstream's custom GRPO JSONL.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectGtFormat, rowFormat } from '../../src/eval/gt-format.js';
import { tempDirForFile } from '../cli.js';

const tmp = tempDirForFile('gt-format');

const HUMANREF = { id: 'a', image_name: 'a.jpg', referring: 'the man', candidate_boxes: [[0, 0, 10, 10]], answer_boxes: [[0, 0, 10, 10]], domain: 'attribute', sub_domain: 'color' };
const GRPO = { image_name: 'a.jpg', ans: [0, 0, 10, 10], category: 'person', referring: 'the man', candidate_boxes: [{ bbox: [0, 0, 10, 10], category: 'person' }] };

describe('rowFormat', () => {
  it('tells a custom GRPO row (ans, {bbox} candidates) from a HumanRef line (answer_boxes, [x0, y0, x1, y1] candidates)', () => {
    expect(rowFormat(HUMANREF)).toBe('humanref');
    expect(rowFormat(GRPO)).toBe('grpo');
    // A broken row of either kind still reads as its kind, so its reader names what is wrong.
    expect(rowFormat({ ...GRPO, ans: undefined })).toBe('grpo');
    expect(rowFormat({ image_name: 'a.jpg', ans: 'oops' })).toBe('grpo');
    expect(rowFormat({ id: 'a', candidate_boxes: 'oops' })).toBe('humanref');
    expect(rowFormat({})).toBe('humanref');
  });
});

describe('detectGtFormat', () => {
  it('decides by the first line that is a JSON object, whatever the file is called', async () => {
    const write = async (name: string, lines: string[]) => {
      const file = path.join(tmp.dir, name);
      await writeFile(file, lines.join('\n') + '\n');
      return file;
    };
    expect(await detectGtFormat(await write('anno.jsonl', ['', '{oops', '[1]', JSON.stringify(GRPO), JSON.stringify(HUMANREF)]))).toBe('grpo');
    expect(await detectGtFormat(await write('anno_with_candidates.json', [JSON.stringify(HUMANREF), JSON.stringify(GRPO)]))).toBe('humanref');
    expect(await detectGtFormat(await write('empty.jsonl', ['']))).toBe('humanref');
  });
});
