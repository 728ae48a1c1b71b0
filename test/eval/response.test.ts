// The response formats models really write: spaced tags, a bare `json` line, the range of the answer.
import { describe, expect, it } from 'vitest';
import { parseRawResponse } from '../../src/eval/response.js';

describe('parseRawResponse on real formats', () => {
  it('reads tags written with spaces (Qwen2.5-VL-32B) without losing the reasoning', () => {
    const r = parseRawResponse('< think >Person 1 looks right → ✅</ think >\n< answer >None</ answer >');
    expect(r.think).toBe('Person 1 looks right → ✅');
    expect(r.answer).toBe('None');
    expect(r.tagsClosed).toEqual({ think: true, answer: true });
    expect(r.notes).toEqual([]);
    expect(r.formatProblem).toBeNull();
  });

  it("parses Rex-Thinker's README answer: `json` on its own line, no backticks, and shows no literal json", () => {
    const raw = '<think>x</think><answer>json\n[{"bbox_2d": [578, 359, 825, 580], "label": "the forth helmet from left"}]\n</answer>';
    const r = parseRawResponse(raw);
    expect(r.answer).toBe('[{"bbox_2d": [578, 359, 825, 580], "label": "the forth helmet from left"}]');
    expect(r.answerBoxes).toEqual([{ bbox: [578, 359, 825, 580], label: 'the forth helmet from left' }]);
    expect(raw.slice(r.answerRange!.start, r.answerRange!.end)).toBe('json\n[{"bbox_2d": [578, 359, 825, 580], "label": "the forth helmet from left"}]\n');
  });

  it('keeps a word json that is the answer itself, and notes a format the reward gives 0', () => {
    expect(parseRawResponse('<think>x</think><answer>json</answer>').answer).toBe('json');
    const r = parseRawResponse('Here you go: <think>x</think><answer>None</answer>');
    expect(r.notes).toEqual(["upstream's format reward would give this response 0: text before <think>"]);
  });
});

describe('parseRawResponse', () => {
  it('splits <think> and <answer> and reads the answer JSON', () => {
    const r = parseRawResponse(
      '<think>Planning.\n# Step 1: look\n- Person 1: red → ✅</think><answer>```json\n[{"bbox_2d": [1, 2, 3, 4], "label": "man"}]\n```</answer>',
    );
    expect(r.think).toBe('Planning.\n# Step 1: look\n- Person 1: red → ✅');
    expect(r.answerBoxes).toEqual([{ bbox: [1, 2, 3, 4], label: 'man' }]);
    expect(r.saysNone).toBe(false);
    expect(r.notes).toEqual([]);
  });

  it('recognises a rejection answer and notes missing tags', () => {
    expect(parseRawResponse('<think>x</think><answer>None</answer>').saysNone).toBe(true);
    expect(parseRawResponse('<think>x</think><answer>There is no such thing in the image.</answer>').saysNone).toBe(true);
    const bare = parseRawResponse('just text');
    expect(bare.think).toBe('');
    expect(bare.answer).toBeNull();
    expect(bare.notes).toEqual(['no <think> tag', 'no <answer> tag']);
    expect(parseRawResponse('<think>unfinished').notes).toEqual(['<think> is not closed', 'no <answer> tag']);
  });
});
