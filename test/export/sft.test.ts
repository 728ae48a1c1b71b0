// --to sft's record: eval.py's system and user prompts with the image first, the reasoning and upstream's answer.
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { TOY_SOURCE } from '../../src/sources/toy.js';
import { THINK_PROMPT } from '../../src/export/compose.js';
import { llamaFactoryInfo, sftRecord } from '../../src/export/sft.js';
import { ANSWER, HINT, ITEM } from './sample-item.js';

describe('sftRecord', () => {
  it("is system, user and assistant turns in the model's pixels, and the one image path", () => {
    expect(sftRecord(ITEM, {}, 'images/main_000000.png')).toEqual({
      messages: [
        { role: 'system', content: THINK_PROMPT },
        { role: 'user', content: `<image>Hint: ${HINT}\nLocate the man in the image and answer the question in json format.` },
        { role: 'assistant', content: `<think>Person 2 is the man. → ✅</think><answer>${ANSWER}</answer>` },
      ],
      images: ['images/main_000000.png'],
    });
  });
});

describe('sftRecord of a sample without reasoning', () => {
  const without = (think: string, extra: Record<string, unknown> = {}) => ({
    ...ITEM,
    sample: { ...ITEM.sample, index: 7, annOffset: 1234, files: { annotationsTsv: 'anno.jsonl', imagesTsv: 'images' }, annotation: { ...ITEM.sample.annotation, think, extra } },
  });
  const refusal = (item: ReturnType<typeof without>): DataError => {
    try {
      sftRecord(item, {}, 'x.png');
    } catch (error) {
      if (error instanceof DataError) return error;
      throw error;
    }
    throw new Error('an SFT record with an empty <think> was written');
  };

  it('is refused, naming file, sample and byte offset: an empty <think></think> would teach answering without reasoning', () => {
    const error = refusal(without(' \n'));
    expect(error.code).toBe('no-reasoning');
    expect(error.message).toMatch(/^anno\.jsonl, sample 7, byte offset 1234: the sample's `think` is empty, and an SFT record needs reasoning/);
  });

  it('points a custom GRPO row (which never has reasoning) to --to grpo', () => {
    expect(refusal(without('', { source: TOY_SOURCE })).message).toMatch(/a custom GRPO row has no reasoning.*Export these rows --to grpo/);
  });
});

describe('llamaFactoryInfo', () => {
  it('registers sft.jsonl as a sharegpt dataset with our role and column names', () => {
    const info = JSON.parse(llamaFactoryInfo()).humanref_cot_sft;
    expect(info).toMatchObject({ file_name: 'sft.jsonl', formatting: 'sharegpt', columns: { messages: 'messages', images: 'images' } });
    expect(info.tags).toEqual({ role_tag: 'role', content_tag: 'content', user_tag: 'user', assistant_tag: 'assistant', system_tag: 'system' });
  });
});
