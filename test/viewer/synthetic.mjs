// A deterministic synthetic viewer index (any size, e.g. 45,000 entries) for the scale test and the benchmark.
import { mulberry32 } from '../../fixtures/gen/prng.mjs';

const WORDS = ['red', 'blue', 'green', 'yellow', 'white', 'black', 'shirt', 'hat', 'bag', 'umbrella', 'bench', 'child', 'woman', 'man', 'dress', 'trousers', 'holding', 'sitting', 'standing', 'left', 'right', 'next', 'to', 'the', 'person', 'wearing', 'with', 'a'];

/**
 * `count` viewer entries over two splits (a third in `rejection`): about 1 in 9 inconsistent, 1 in 13 warned,
 * 1 in 50 failed; a reasoning text of about `reasoningChars` characters each (the real data's are 1-3k).
 */
export function syntheticEntries(count, { seed = 7, reasoningChars = 1500 } = {}) {
  const rand = mulberry32(seed);
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)];
  const phrase = (n) => Array.from({ length: n }, pick).join(' ');
  const entries = [];
  for (let i = 0; i < count; i++) {
    const split = i % 3 === 2 ? 'rejection' : 'main';
    const index = split === 'main' ? i - Math.floor(i / 3) : Math.floor(i / 3);
    const name = `${split}_${String(index).padStart(6, '0')}`;
    const candidates = 1 + Math.floor(rand() * 40);
    const failed = i % 50 === 49;
    const rejection = split === 'rejection' && !failed;
    const ok = rejection ? 0 : 1 + Math.floor(rand() * Math.min(3, candidates));
    const warn = Math.floor(rand() * 2);
    const no = Math.max(0, candidates - ok - warn);
    const warnings = i % 13 === 5 ? [`Person ${candidates}: zero-size box`] : [];
    let text = '';
    // Rare words, so a search has a known, small answer: `zebra` only in reasoning, `giraffe` only in expressions.
    if (i % 97 === 3) text += 'Person 1 stands by a Zebra crossing.\n';
    while (text.length < reasoningChars) text += `- Person ${1 + Math.floor(rand() * candidates)}: ${phrase(10)} → ❌\n`;
    entries.push({
      name,
      split,
      index,
      status: failed ? 'failed' : 'rendered',
      file: failed ? undefined : `${name}.png`,
      error: failed ? `${split}.tsv, sample ${index}: the JSON is malformed` : undefined,
      expressions: failed ? [] : [`the ${phrase(2 + Math.floor(rand() * 6))}${i % 89 === 7 ? ' near the GIRAFFE' : ''}`],
      candidates: failed ? 0 : candidates,
      verdictCounts: failed ? { '✅': 0, '❌': 0, '⚠️': 0, none: 0 } : { '✅': ok, '❌': no, '⚠️': warn, none: candidates - ok - no - warn },
      consistent: failed || i % 9 !== 4,
      rejection,
      warnings,
      searchText: failed ? undefined : text,
    });
  }
  return entries;
}
