// Types of synthetic.mjs (plain JS, so the benchmark can use it too).
import type { ViewerEntry } from '../../src/viewer/types.js';

export function syntheticEntries(count: number, options?: { seed?: number; reasoningChars?: number }): (ViewerEntry & { searchText?: string })[];
