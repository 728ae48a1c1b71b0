// Upstream's format reward (rexthinker/scripts/reward_func.py) as a yes/no with the reason: spaces around `<`, `>`
// and `/` are dropped first, then the whole response must be `<think>…</think>`, space, `<answer>…</answer>`.
import { PY_SPACE } from './py-space.js';

const AROUND_TAG_CHARS = new RegExp(`${PY_SPACE}*([<>/])${PY_SPACE}*`, 'g');
const WHOLE = new RegExp(`^<think>[\\s\\S]*?</think>${PY_SPACE}*<answer>[\\s\\S]*?</answer>$`);

/** The response as the reward reads it. */
export function rewardNormalised(response: string): string {
  return response.replace(AROUND_TAG_CHARS, '$1');
}

/** Null when the format reward is 1; else what keeps the response from the required shape. */
export function formatRewardProblem(response: string): string | null {
  const text = rewardNormalised(response);
  if (WHOLE.test(text)) return null;
  const missing = ['<think>', '</think>', '<answer>', '</answer>'].filter((t) => !text.includes(t));
  if (missing.length) return `no ${missing.join(', no ')}`;
  if (!text.startsWith('<think>')) return 'text before <think>';
  if (!text.endsWith('</answer>')) return 'text after </answer>';
  if (text.indexOf('<answer>') < text.indexOf('</think>')) return '<answer> before </think>';
  return 'text between </think> and <answer>';
}
