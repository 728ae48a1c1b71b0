// The answer section of an eval picture: as text (today's look) or as code, fences and stray language lines dropped.
import { describe, expect, it } from 'vitest';
import { answerLines, answerParagraphs } from '../../src/eval/picture-answer.js';

const FENCED = '```json\n[\n\t{"bbox_2d": [106, 63, 205, 285], "label": "the people wearing red shirts"}\n]\n```';
const code = (...texts: string[]) => texts.map((text) => ({ text, code: true }));

describe('answer lines', () => {
  it('a fenced block is code, without its fences or its language tag; tabs become two spaces', () => {
    expect(answerLines(FENCED)).toEqual(code('[', '  {"bbox_2d": [106, 63, 205, 285], "label": "the people wearing red shirts"}', ']'));
  });

  it('drops a language name alone on the line after a bare fence, and reads a block on one line', () => {
    expect(answerLines('```\njson\n[1, 2]\n```')).toEqual(code('[1, 2]'));
    expect(answerLines('```json [{"bbox_2d": [1, 2, 3, 4]}]```')).toEqual(code('[{"bbox_2d": [1, 2, 3, 4]}]'));
    expect(answerLines('```json\n[{"bbox_2d": [1, 2, 3, 4]}]```')).toEqual(code('[{"bbox_2d": [1, 2, 3, 4]}]'));
  });

  it('keeps prose as text around a block, and reads unfenced JSON (after a stray `json` line) as code', () => {
    expect(answerLines('Here they are:\n\n```json\n[1]\n```\nDone.')).toEqual([{ text: 'Here they are:', code: false }, ...code('[1]'), { text: 'Done.', code: false }]);
    expect(answerLines('There is no such thing in the image.')).toEqual([{ text: 'There is no such thing in the image.', code: false }]);
    expect(answerLines('json\n[\n  {"bbox_2d": [1, 2, 3, 4]}\n]')).toEqual(code('[', '  {"bbox_2d": [1, 2, 3, 4]}', ']'));
    // A `json` line before prose is prose.
    expect(answerLines('json\nnothing found')).toEqual([{ text: 'json', code: false }, { text: 'nothing found', code: false }]);
  });

  it('keeps blank lines inside a block only; an unclosed block runs to the end', () => {
    expect(answerLines('```json\n\n[1,\n\n2]\n\n```')).toEqual(code('[1,', '', '2]'));
    expect(answerLines('```json\n[1,\n2]')).toEqual(code('[1,', '2]'));
  });
});

describe('answer paragraphs', () => {
  it('says when there is no answer or an empty one', () => {
    expect(answerParagraphs(null, 16)[0].pieces[0].text).toBe('(no <answer> in the response)');
    expect(answerParagraphs('```json\n```', 16)[0].pieces[0].text).toBe('(empty answer)');
  });

  it('as code: the code font on a band, a wrapped line indented past its start, the block set off from the heading', () => {
    const [open, entry, close] = answerParagraphs(FENCED, 20);
    expect([open.mono, entry.mono, close.mono]).toEqual([true, true, true]);
    expect(open.band).toBe(entry.band);
    expect(entry.hangChars).toBe(4);
    expect([open.spaceBefore, entry.spaceBefore]).toEqual([8, 0]);
    expect(open.size).toBe(18);
    const mixed = answerParagraphs('None of them.\n```json\n[]\n```', 20);
    expect(mixed.map((p) => [p.pieces[0].text, p.mono ?? false])).toEqual([['None of them.', false], ['[]', true]]);
  });
});
