/// <reference lib="dom" />
// The sample view's body: the photo with every candidate box over it (SVG), and the reasoning as text whose
// `Person N` (or `Helmet N` ...) mentions are linked to their boxes both ways.
import { el, mark } from './dom.js';
import { nounOf, renderFigure } from './figure.js';
import { renderReasoning, type Light } from './reasoning.js';
import type { Detail } from './types.js';

/** Lights one person in `scope` (its boxes, tags, mentions and lines) and dims the others; null lights nobody. */
function lighter(scope: HTMLElement): Light {
  return (person) => {
    scope.classList.toggle('lit', person !== null);
    for (const node of scope.querySelectorAll<HTMLElement | SVGElement>('[data-person]')) node.classList.toggle('on', person !== null && node.dataset.person === String(person));
    for (const line of scope.querySelectorAll<HTMLElement>('.line[data-subjects]')) line.classList.toggle('on', person !== null && line.dataset.subjects!.split(' ').includes(String(person)));
  };
}

function targetsOf(d: Detail, noReasoning: boolean): HTMLElement {
  const targets = el('div', 'targets');
  const noun = nounOf(d);
  const people = (list: number[], none: string) => (list.length ? list.map((t) => `${noun} ${t}`).join(', ') : none);
  if (noReasoning) {
    // A custom GRPO row answers with its own box: no target is not a rejection here, and there is no reasoning.
    for (const rm of d.regionMap) targets.append(el('div', undefined, `“${rm.expression}” → ans: ${people(rm.targets, 'none of the hints exactly (drawn dashed)')}`));
    targets.append(el('div', undefined, NO_REASONING_TEXT));
    return targets;
  }
  for (const rm of d.regionMap) targets.append(el('div', undefined, `“${rm.expression}” → ${people(rm.targets, 'nobody (rejection)')}`));
  const cot = el('div');
  // The ✅ in this sentence is drawn like every other mark.
  cot.append("reasoning's ", mark('✅'), `: ${people(d.cotTargets, 'nobody')}`);
  targets.append(cot);
  return targets;
}

/** Fills `body` with the figure, the targets and the reasoning of `d`; `scope` is what hover lights and dims. */
const NO_REASONING_TEXT = "No reasoning: rows of upstream's custom GRPO format carry none.";

/** `noReasoning`: a row of upstream's custom GRPO format, which has an answer box instead of reasoning. */
export function renderDetail(d: Detail, body: HTMLElement, scope: HTMLElement, noReasoning = false): void {
  const light = lighter(scope);
  const left = el('div', 'left');
  const reasoning = el('div', 'reasoning');
  renderFigure(d, left, reasoning, light);
  left.append(targetsOf(d, noReasoning));
  if (noReasoning && d.reasoning === '') reasoning.append(el('p', 'targets', NO_REASONING_TEXT));
  else renderReasoning(d, reasoning, light);
  body.append(left, reasoning);
}
