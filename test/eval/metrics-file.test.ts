// metrics.json, samples.jsonl and the tables keep data-named keys: a model or domain called __proto__ is no special key.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/eval/evaluate.js';
import { tallyEvaluation } from '../../src/eval/tally.js';
import { metricsDocument } from '../../src/eval/metrics-file.js';
import type { EvalOptions } from '../../src/eval/options.js';
import type { Prediction } from '../../src/eval/read-pred.js';
import { sampleRecord } from '../../src/eval/records.js';
import { comparisonTables } from '../../src/eval/table.js';
import { CANDIDATES, gtSample, prediction, response, think } from './_reasoning-cases.js';

describe('keys named by data', () => {
  const truth = [
    gtSample({ id: 'a', key: 's:a', position: 0, domain: '__proto__', subDomain: '__proto__' }),
    gtSample({ id: 'b', key: 's:b', position: 1, domain: 'attribute', subDomain: 'constructor' }),
  ];
  const byKey = new Map<string, Prediction>([['s:a', prediction('a', [CANDIDATES[1]], response(think(['❌', '✅', '❌', '❌']), [CANDIDATES[1]]))]]);
  const ev = evaluate(truth, [{ name: '__proto__', byKey }]);
  const tally = tallyEvaluation(truth, [{ name: '__proto__', byKey }]);
  const options = { models: [{ name: '__proto__', file: 'p.jsonl' }], groundTruth: { kind: 'jsonl', file: 'gt.jsonl', imagesDir: null } } as unknown as EvalOptions;

  it('metrics.json keeps a model named __proto__ and a domain and sub-domain named __proto__', () => {
    const doc = JSON.parse(JSON.stringify(metricsDocument(options, { samples: truth, problems: [], duplicateIds: [] }, [{ file: 'p.jsonl', byKey, problems: [], duplicates: [] }], tally)));
    expect(Object.keys(doc.models)).toEqual(['__proto__']);
    expect(Object.keys(doc.predictions)).toEqual(['__proto__']);
    const m = doc.models.__proto__;
    expect(Object.keys(m.domains)).toEqual(['__proto__', 'attribute']);
    // sample a: one box on its one target -> 1; sample b: no prediction -> 0
    expect(m.domains.__proto__.overall.density_f1_50).toBe(1);
    expect(Object.keys(m.domains.__proto__.subdomains)).toEqual(['__proto__']);
    expect(Object.keys(m.domains.attribute.subdomains)).toEqual(['constructor']);
    expect(Object.keys(m.reasoning.domains)).toEqual(['__proto__', 'attribute']);
  });

  it('the table lists the __proto__ domain and the record the __proto__ model', () => {
    expect(comparisonTables(ev.metrics).domainRows.map((r) => r[0])).toContain('__proto__');
    const record = JSON.parse(JSON.stringify(sampleRecord(ev.samples[0], ['__proto__'])));
    expect(Object.keys(record.models)).toEqual(['__proto__']);
    expect(record.models.__proto__.density_f1_50).toBe(1);
  });
});
