import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/cot/lines.js';
import { classifyHeader, findSections } from '../../src/cot/sections.js';

describe('classifyHeader', () => {
  it.each([
    ['# Step 1: Find the man.', { type: 'step', number: 1, title: 'Find the man.' }],
    ['#  Step 1: Find the man.', { type: 'step', number: 1, title: 'Find the man.' }],
    ['# Step2: Find the man.', { type: 'step', number: 2, title: 'Find the man.' }],
    ['# Step 1: Step 1: Find the man.', { type: 'step', number: 1, title: 'Find the man.' }],
    ['# Step 3', { type: 'step', number: 3, title: '' }],
    ['# **Step 1:** Find the man.', { type: 'step', number: 1, title: 'Find the man.' }],
    ['# **Step 1: Find the man.**', { type: 'step', number: 1, title: 'Find the man.' }],
    ['# Re-Check answer', { type: 'summary', header: '# Re-Check answer', bodyOffset: 17 }],
    ["Let's finalize:", { type: 'summary', header: "Let's finalize:", bodyOffset: 15 }],
    ['Summarize and Re-Check answer', { type: 'summary', header: 'Summarize and Re-Check answer', bodyOffset: 29 }],
    ['**Summarize and Re - Check answer**', { type: 'summary', header: '**Summarize and Re - Check answer**', bodyOffset: 35 }],
    ['Let us now finalise', { type: 'summary', header: 'Let us now finalise', bodyOffset: 19 }],
    ['# Summarize and Re-Check answer', { type: 'summary', header: '# Summarize and Re-Check answer', bodyOffset: 31 }],
    ['# Summarize and Re - Check answer', { type: 'summary', header: '# Summarize and Re - Check answer', bodyOffset: 33 }],
    ['# Step 4: Summarize and Re-Check answer', { type: 'summary', header: '# Step 4: Summarize and Re-Check answer', bodyOffset: 39 }],
    ['Let’s now finalize:', { type: 'summary', header: 'Let’s now finalize:', bodyOffset: 19 }],
    ["Let's now finalize: rest", { type: 'summary', header: "Let's now finalize:", bodyOffset: 19 }],
  ])('%s', (text, header) => {
    expect(classifyHeader(text, false)).toEqual(header);
  });

  it.each(['- Step 1: plan line', 'Step 1: plan line', '# Final answer', 'We summarize below', 'Summary: nobody', '#hashtag', ''])(
    'not a header: %s',
    (text) => expect(classifyHeader(text, false)).toBeNull(),
  );

  it('does not open a second summary with "Let’s now finalize:" inside a summary', () => {
    expect(classifyHeader('Let’s now finalize:', true)).toBeNull();
    expect(classifyHeader('# Summarize', true)).toMatchObject({ type: 'summary' });
  });
});

describe('findSections', () => {
  it('splits planning, steps and summary by header lines', () => {
    const lines = splitLines('plan\n- Step 1: a\n# Step 1: a\nx\n# Step 2: b\ny\n# Summarize and Re-Check answer\nz');
    expect(findSections(lines).map((s) => [s.header.type, s.headerLine, s.end])).toEqual([
      ['step', 2, 4],
      ['step', 4, 6],
      ['summary', 6, 8],
    ]);
  });

  it('keeps blank lines and CR out of line text, with offsets into the original', () => {
    const think = '  a \r\n\nb';
    expect(splitLines(think)).toEqual([
      { start: 2, end: 3, text: 'a' },
      { start: 6, end: 6, text: '' },
      { start: 7, end: 8, text: 'b' },
    ]);
  });
});
