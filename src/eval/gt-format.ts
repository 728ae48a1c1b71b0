// Which ground truth a --gt file holds, told from its content: HumanRef's annotations.jsonl or upstream's custom GRPO
// JSONL (toy_dataset/anno_with_candidates.json). Both are JSONL and both may be named .json or .jsonl.
import { readJsonl } from './jsonl.js';

export type GtFileFormat = 'humanref' | 'grpo';

/** A custom GRPO row has `ans` and candidates as `{bbox, category}` objects; a HumanRef line has neither. */
export function rowFormat(value: Record<string, unknown>): GtFileFormat {
  if ('ans' in value && !('answer_boxes' in value)) return 'grpo';
  const first: unknown = Array.isArray(value.candidate_boxes) ? value.candidate_boxes[0] : undefined;
  return typeof first === 'object' && first !== null && !Array.isArray(first) && 'bbox' in first ? 'grpo' : 'humanref';
}

/**
 * The format of the first line that is a JSON object (lines that are not are skipped here; the reader reports
 * them). Reads only up to that line. A file with no such line reads as HumanRef, whose reader says what is wrong.
 */
export async function detectGtFormat(file: string): Promise<GtFileFormat> {
  for await (const entry of readJsonl(file, 'ground truth')) {
    if ('value' in entry) return rowFormat(entry.value);
  }
  return 'humanref';
}
