// Upstream's format reward: 1 only for `<think>…</think>` then `<answer>…</answer>` and nothing else, spaces around <, >, / aside.
import { describe, expect, it } from 'vitest';
import { formatRewardProblem, rewardNormalised } from '../../src/eval/format-reward.js';

describe('formatRewardProblem', () => {
  it('passes the shape the reward asks for, with spaces around tag characters and a trailing newline', () => {
    expect(formatRewardProblem('<think>a</think><answer>b</answer>')).toBeNull();
    expect(formatRewardProblem('< think >a< / think >\n<answer>b</answer>\n')).toBeNull();
    expect(formatRewardProblem('<think>a</think>\n\n<answer>b</answer>')).toBeNull();
  });

  it('says what keeps a response from it', () => {
    expect(formatRewardProblem('Sure! <think>a</think><answer>b</answer>')).toBe('text before <think>');
    expect(formatRewardProblem('<think>a</think><answer>b</answer> Hope this helps.')).toBe('text after </answer>');
    expect(formatRewardProblem('<think>a</think>so:<answer>b</answer>')).toBe('text between </think> and <answer>');
    expect(formatRewardProblem('<think>a')).toBe('no </think>, no <answer>, no </answer>');
    expect(formatRewardProblem('<Think>a</Think><answer>b</answer>')).toBe('no <think>, no </think>');
  });

  it('drops the spaces around every <, > and / as the reward does, in the text too', () => {
    expect(rewardNormalised('< think > a / b </ think >')).toBe('<think>a/b</think>');
  });
});
