// --to sft's record: eval.py's system and user prompts with the image first, the reasoning and upstream's answer.
import { describe, expect, it } from 'vitest';
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

describe('llamaFactoryInfo', () => {
  it('registers sft.jsonl as a sharegpt dataset with our role and column names', () => {
    const info = JSON.parse(llamaFactoryInfo()).humanref_cot_sft;
    expect(info).toMatchObject({ file_name: 'sft.jsonl', formatting: 'sharegpt', columns: { messages: 'messages', images: 'images' } });
    expect(info.tags).toEqual({ role_tag: 'role', content_tag: 'content', user_tag: 'user', assistant_tag: 'assistant', system_tag: 'system' });
  });
});
