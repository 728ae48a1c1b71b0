// What every read must satisfy, however broken the input: a well-typed Sample, or a one-line DataError that says where and what to do.
import { sniffImageFormat } from '../../src/dataset/image-header.js';
import { DataError } from '../../src/errors.js';
import type { Sample } from '../../src/types.js';

const FORMATS = new Set(['jpeg', 'png', 'webp', 'gif']);
const LINE_BREAK = /[\n\r\u2028\u2029\u0085]/;

/** Problems with a sample the reader returned (empty when it is well-typed). */
export function sampleViolations(sample: Sample, index: number, annOffset: number, imagesSize: number): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const a = sample.annotation;
  check(sample.index === index, `index ${sample.index}`);
  check(sample.annOffset === annOffset, `annOffset ${sample.annOffset}, lineidx says ${annOffset}`);
  check(Number.isSafeInteger(sample.imgOffset) && sample.imgOffset >= 0 && sample.imgOffset < imagesSize, `imgOffset ${sample.imgOffset}`);
  check(Array.isArray(a.gtBoxes), 'gtBoxes not an array');
  for (const box of a.gtBoxes) check(Array.isArray(box) && box.length === 4 && box.every((n) => typeof n === 'number' && Number.isFinite(n)), `box ${JSON.stringify(box)}`);
  check(typeof a.regionMap === 'object' && a.regionMap !== null && !Array.isArray(a.regionMap), 'regionMap not an object');
  check(Object.getPrototypeOf(a.regionMap) === Object.prototype && Object.getPrototypeOf(a.extra) === Object.prototype, 'prototype replaced');
  for (const [expression, targets] of Object.entries(a.regionMap)) {
    check(Array.isArray(targets) && targets.every((n) => Number.isInteger(n)), `region_map[${JSON.stringify(expression).slice(0, 40)}]`);
  }
  check(typeof a.think === 'string', 'think not a string');
  check(typeof sample.imageKey === 'string' && !sample.imageKey.includes('\t') && !sample.imageKey.includes('\n'), 'imageKey');
  check(Buffer.isBuffer(sample.image) && sample.image.length > 0, 'image empty');
  check(FORMATS.has(sample.imageFormat) && sniffImageFormat(sample.image) === sample.imageFormat, `format ${sample.imageFormat}`);
  return problems;
}

/** Problems with an error thrown for sample `index` (empty when it is a good DataError). */
export function errorViolations(error: unknown, index: number, files: readonly string[]): string[] {
  if (!(error instanceof DataError)) {
    const text = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error);
    return [`not a DataError: ${text}`];
  }
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${what} in ${JSON.stringify(error.message).slice(0, 400)}`);
  };
  const { file, index: at, offset } = error.where;
  check(files.includes(file), `file ${file}`);
  check(at === index, `index ${at}`);
  check(offset !== undefined && offset >= 0, `offset ${offset}`);
  check(!LINE_BREAK.test(error.message), 'a line break');
  check(error.message.startsWith(`${file}, sample ${index}, byte offset ${offset}: `), 'not "<file>, sample <i>, byte offset <n>: "');
  check(error.hint.length > 0, 'no hint saying what to do');
  check(error.message.length < 600, `a ${error.message.length}-character message`);
  return problems;
}
