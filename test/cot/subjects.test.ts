import { describe, expect, it } from 'vitest';
import { bulletLength, parseNamedSubject, parseOrder, parseOthersSubject } from '../../src/cot/subjects.js';

const hasMark = (text: string): boolean => /[\u2705\u274C\u26A0]/.test(text);

describe('parseNamedSubject', () => {
  it.each([
    ['Person 3: wears red', 'single', 'Person', [[3, 3]]],
    ['person 3: wears red', 'single', 'person', [[3, 3]]],
    ['Person 1-9: sitting', 'range', 'Person', [[1, 9]]],
    ['Person 1 – 9: sitting', 'range', 'Person', [[1, 9]]],
    ['Persons 1 to 4: sitting', 'range', 'Persons', [[1, 4]]],
    ['Person 1,2,4,5: blue', 'list', 'Person', [[1, 1], [2, 2], [4, 4], [5, 5]]],
    ['Person 1, 2 and 4: blue', 'list', 'Person', [[1, 1], [2, 2], [4, 4]]],
    ['Person 1, 2, and 4: blue', 'list', 'Person', [[1, 1], [2, 2], [4, 4]]],
    ['Person 1 and Person 2: blue', 'list', 'Person', [[1, 1], [2, 2]]],
    ['People 1-3, 7: blue', 'list', 'People', [[1, 3], [7, 7]]],
    ['Helmet 5: red', 'single', 'Helmet', [[5, 5]]],
    ['Car 14: parked', 'single', 'Car', [[14, 14]]],
    ['**Person 2**: red', 'single', 'Person', [[2, 2]]],
    ['**Person 2:** red', 'single', 'Person', [[2, 2]]],
    ['Person 2 (the tall one): red', 'single', 'Person', [[2, 2]]],
    ['Person 2 → ✅', 'single', 'Person', [[2, 2]]],
    ['Person 2 ❌', 'single', 'Person', [[2, 2]]],
    ['Person 2：red', 'single', 'Person', [[2, 2]]],
    ['Person 2 is the target ✅', 'single', 'Person', [[2, 2]]],
    ['Person 2 and Person 4 are the adults ✅', 'list', 'Person', [[2, 2], [4, 4]]],
  ])('%s', (text, kind, noun, items) => {
    expect(parseNamedSubject(text, hasMark(text))).toEqual({ kind, noun, items });
  });

  it.each([
    'Step 1: find the man',
    'So Person 2 and Person 4 are the two adults.',
    'Person 2 is the target',
    'Person 3rd: x',
    'Person 3rd in line ✅',
    'There are 2 groups: left and right',
    'Helmet 5 is red → ✅',
    'The order from left to right is [person 4, person 3].',
    'Group 1: Person 1, Person 2',
    'Person: nobody',
    '',
  ])('not a subject: %s', (text) => {
    expect(parseNamedSubject(text, hasMark(text))).toBeNull();
  });

  it('reads numbers longer than 9 digits as out of range', () => {
    expect(parseNamedSubject('Person 12345678901: x', false)?.items).toEqual([[Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]]);
  });
});

describe('parseOthersSubject', () => {
  it.each([
    ['Others: not matching', false, null],
    ['others → ❌', true, null],
    ['All other people: ❌', true, null],
    ['The remaining people: sitting', false, null],
    ['the remaining 66 people: ❌', true, 66],
    ['For the remaining 66 people: sitting ❌', true, 66],
    ['The rest: ❌', true, null],
    ['Everyone else: ❌', true, null],
    ['Others (Person 1, 3): ❌', true, null],
  ])('%s', (text, hasMark, remaining) => {
    expect(parseOthersSubject(text, hasMark)).toEqual({ remaining });
  });

  it.each([
    ['Other people in the image are far away.', false],
    ['Otherwise nobody matches: ❌', true],
    ['Person 1: others ❌', true],
  ])('not others: %s', (text, hasMark) => {
    expect(parseOthersSubject(text, hasMark)).toBeNull();
  });
});

describe('parseOrder', () => {
  it.each([
    ['The order from left to right is [person 4, person 3, person 1, person 2].', [4, 3, 1, 2]],
    ['From right to left: [Person 2,Person 1]', [2, 1]],
    ['See [note] then [person 5 , person 6]', [5, 6]],
    ['No list here', null],
    ['[Step 1, Step 2]', null],
    ['[person 1, person', null],
  ])('%s', (text, order) => {
    expect(parseOrder(text)).toEqual(order);
  });
});

describe('bulletLength', () => {
  it.each([
    ['- Person 1: x', 2],
    ['-Person 1: x', 1],
    ['* Person 1: x', 2],
    ['• Person 1: x', 2],
    ['**Person 1:** x', 0],
    ['Person 1: x', 0],
    ['', 0],
  ])('%s', (text, length) => {
    expect(bulletLength(text)).toBe(length);
  });
});
