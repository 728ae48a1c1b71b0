// Test traces: the real example of the format doc, and a builder for the usual three-stage shape.

/** The `think` of the real line in docs/humanref-cot-format.md §3, verbatim (it is shortened there). */
export const REAL_EXAMPLE_THINK =
  'OK, the user needs us to detect the two people holding hands. To accomplish this task, I need to ' +
  'break it down into the following steps:\n- Step 1: Identify the pair of people engaged in a hand-holding ' +
  'interaction.\n\n# Step 1: Identify the pair of people engaged in a hand-holding interaction.\nI see four ' +
  "people in this image. Let's look at their interactions:\n- Person 1: Standing on the far left, has her arm " +
  'around Person 2, but not holding hands with anyone. \u2192 \u274c\n- Person 2: ... holding hands with ' +
  'Person 4. \u2192 \u2705\n ...';

export const REAL_EXAMPLE_REGION_MAP = { 'the two people holding hands': [1, 3] };

/** The real example completed with the remaining lines and a summary in the same style. */
export const REAL_EXAMPLE_COMPLETED =
  REAL_EXAMPLE_THINK.slice(0, -' ...'.length) +
  '- Person 3: Standing alone on the right. \u2192 \u274c\n' +
  '- Person 4: Holding hands with Person 2. \u2192 \u2705\n\n' +
  '# Summarize and Re-Check answer\n' +
  "Let's now recheck our answer and put \u2705 for the target person and \u274c for others\n" +
  '- Person 1: Arm around Person 2, not holding hands. \u2192 \u274c\n' +
  '- Person 2: Holding hands with Person 4. \u2192 \u2705\n' +
  '- Person 3: Alone. \u2192 \u274c\n' +
  '- Person 4: Holding hands with Person 2. \u2192 \u2705';

export interface TraceParts {
  expr?: string;
  plan?: string[];
  steps?: { header?: string; intro?: string; lines: string[] }[];
  summaryHeader?: string | null;
  summaryIntro?: string;
  summary?: string[];
}

/** Builds a think text; every part has a typical default. */
export function trace(parts: TraceParts): string {
  const expr = parts.expr ?? 'the man in red';
  const plan = parts.plan ?? ['Find the man in red.'];
  const out = [
    `OK, the user needs us to detect ${expr}. To accomplish this task, I need to break it down into the following steps:`,
    ...plan.map((p, i) => `- Step ${i + 1}: ${p}`),
    '',
  ];
  (parts.steps ?? []).forEach((step, i) => {
    out.push(step.header ?? `# Step ${i + 1}: ${plan[i] ?? 'Check.'}`, step.intro ?? 'Let me look at each person:', ...step.lines, '');
  });
  if (parts.summaryHeader !== null) {
    out.push(
      parts.summaryHeader ?? '# Summarize and Re-Check answer',
      parts.summaryIntro ?? "Let's now recheck our answer and put ✅ for the target person and ❌ for others",
      ...(parts.summary ?? []),
    );
  }
  return out.join('\n');
}

/** N candidates' worth of summary lines, e.g. for the 68-person benchmark trace. */
export function crowdedTrace(count: number, targets: number[]): string {
  const lines = (mark: (n: number) => string, what: string): string[] =>
    Array.from({ length: count }, (_, i) => `- Person ${i + 1}: ${what} near Person ${((i + 1) % count) + 1}. → ${mark(i + 1)}`);
  const isTarget = (n: number): string => (targets.includes(n) ? '✅' : '❌');
  return trace({
    expr: 'the people wearing helmets',
    plan: ['Find every person wearing a helmet.'],
    steps: [{ intro: `I see ${count} people in this crowded scene.`, lines: lines(isTarget, 'Wears a cap, standing') }],
    summary: lines(isTarget, 'Cap'),
  });
}

/**
 * A reasoning about helmets, in the shape of Rex-Thinker's README demo (candidates named `Helmet N`, ordered
 * left to right, the fourth one chosen); its expression and region map, with 6 candidates and target Helmet 2.
 */
export const HELMET_EXPRESSION = 'the fourth helmet from the left';
export const HELMET_REGION_MAP = { [HELMET_EXPRESSION]: [1] };
export const HELMET_TRACE = trace({
  expr: HELMET_EXPRESSION,
  plan: ['Order the helmets from left to right.', 'Take the fourth one of that order.'],
  steps: [
    { intro: 'There are 6 helmets; from left to right they are Helmet 5, Helmet 1, Helmet 3, Helmet 2, Helmet 4, Helmet 6.', lines: [] },
    { intro: 'The fourth in that order is Helmet 2.', lines: [] },
  ],
  summaryIntro: "Let's now recheck our answer and put ✅ for the target helmet and ❌ for others",
  summary: [
    '- Helmet 5: first from the left → ❌',
    '- Helmet 1: second from the left → ❌',
    '- Helmet 3: third from the left → ❌',
    '- Helmet 2: fourth from the left → ✅',
    '- Helmet 4: fifth from the left → ❌',
    '- Helmet 6: sixth from the left → ❌',
  ],
});
