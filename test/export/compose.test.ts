import { describe, expect, it } from 'vitest';
import { smartResize } from '../../src/geometry/smart-resize.js';
import { parseAnnotationCot } from '../../src/cot/parse.js';
import type { Annotation } from '../../src/types.js';
import {
  assistantTurn,
  CONVERTER_MIN_PIXELS,
  converterAnswer,
  converterProblem,
  evalPrompt,
  taskOfSample,
  THINK_PROMPT,
  type GroundingTask,
} from '../../src/export/compose.js';

// The expected strings are written down from upstream's code: eval.py's prompt templates and THINK_PROMPT,
// convert_dataset.py's compose_answer and problem text; boxes scaled by x / W * resized_W, int() and clamped to size-1.

describe('eval.py prompt and the assistant turn', () => {
  // 1000×750: round(750/28)*28 = 756, round(1000/28)*28 = 1008; 1008*756 lies within [256, 1280]*28*28.
  const task: GroundingTask = {
    referring: 'the man in a “red” coat',
    // xyxy [100.5, 50.25, 300.5, 350.25]: 100.5/1000*1008 = 101.30 -> 101, 50.25/750*756 = 50.65 -> 50, 302.90 -> 302, 353.05 -> 353.
    // [900, 700, 1050, 780]: 907.2 -> 907, 705.6 -> 705, 1058.4 -> 1058 clamped to 1007, 786.2 -> 786 clamped to 755.
    candidates: [
      [100.5, 50.25, 300.5, 350.25],
      [900, 700, 1050, 780],
    ],
    targets: [[900, 700, 1050, 780]],
    imageWidth: 1000,
    imageHeight: 750,
  };
  const model = smartResize(750, 1000);

  it('hints the candidates in the model\'s pixels, then asks eval.py\'s question with the expression as written', () => {
    expect(model).toEqual({ width: 1008, height: 756 });
    expect(evalPrompt(task, model)).toBe(
      'Hint: {"person": [[101, 50, 302, 353], [907, 705, 1007, 755]]}\nLocate the man in a “red” coat in the image and answer the question in json format.',
    );
  });

  it('answers with convert_dataset.py\'s fenced JSON (label escaped as json.dumps does) inside the think and answer tags', () => {
    expect(assistantTurn('I see two people.', task, model)).toBe(
      '<think>I see two people.</think><answer>```json\n[{"bbox_2d": [907, 705, 1007, 755], "label": "the man in a \\u201cred\\u201d coat"}]\n```</answer>',
    );
  });

  it('answers None when nothing is referred to, and uses eval.py\'s no-candidate prompt when there are no candidates', () => {
    expect(assistantTurn('Nobody matches.', { ...task, targets: [] }, model)).toBe('<think>Nobody matches.</think><answer>None</answer>');
    expect(evalPrompt({ ...task, candidates: [], targets: [] }, model)).toBe(
      "Locate the man in a “red” coat in the image and answer the question in json format. If there is no such object, please answer with 'None'.",
    );
  });

  it('is eval.py\'s system prompt, character for character', () => {
    expect(THINK_PROMPT).toBe(
      'A conversation between User and Assistant. The user asks a question, and the Assistant solves it. The assistant first thinks about the reasoning process in the mind and then provides the user with the answer. The reasoning process and answer are enclosed within <think> </think> and <answer> </answer> tags, respectively, i.e., <think> reasoning process here </think><answer> answer here </answer>.',
    );
  });
});

describe('a HumanRef-CoT sample as a task', () => {
  const annotation: Annotation = {
    // xywh, as the dataset stores them
    gtBoxes: [
      [20, 10, 100, 50],
      [150, 20, 40, 70],
    ],
    regionMap: { 'the boy': [0] },
    think: 'OK, the user needs us to detect the boy.',
    extra: {},
  };
  const cot = parseAnnotationCot(annotation);

  it('turns xywh into xyxy and takes the targets of the expression', () => {
    const task = taskOfSample(annotation, cot, { width: 200, height: 100 });
    expect(task).toEqual({ referring: 'the boy', candidates: [[20, 10, 120, 60], [150, 20, 190, 90]], targets: [[20, 10, 120, 60]], imageWidth: 200, imageHeight: 100 });
  });

  it('uses eval.py\'s --min_pixels for the prompt and convert_dataset.py\'s for the parquet: a small image differs', () => {
    const task = taskOfSample(annotation, cot, { width: 200, height: 100 });
    // 200×100 -> 196×112 is below 256*28*28: eval.py scales up by sqrt(200704/20000) to ceil(22.63)*28 × ceil(11.31)*28 = 644×336.
    const evalModel = smartResize(100, 200);
    expect(evalModel).toEqual({ width: 644, height: 336 });
    // 20/200*644 = 64.4, 10/100*336 = 33.6, 120/200*644 = 386.4, 60/100*336 = 201.6; 150 -> 483, 20 -> 67, 190 -> 611.8, 90 -> 302.4
    expect(evalPrompt(task, evalModel)).toBe('Hint: {"person": [[64, 33, 386, 201], [483, 67, 611, 302]]}\nLocate the boy in the image and answer the question in json format.');
    // convert_dataset.py's 16*28*28 keeps 196×112: 19.6, 11.2, 117.6, 67.2; 147, 22.4, 186.2, 100.8
    const converterModel = smartResize(100, 200, { minPixels: CONVERTER_MIN_PIXELS });
    expect(converterModel).toEqual({ width: 196, height: 112 });
    expect(converterProblem(task, converterModel)).toBe(
      '<image>Hint: Object and its coordinates in this image: {"person": [[19, 11, 117, 67], [147, 22, 186, 100]]}\nPlease detect the boy in this image.',
    );
    expect(converterAnswer(task, converterModel)).toBe('```json\n[{"bbox_2d": [19, 11, 117, 67], "label": "the boy"}]\n```');
    expect(converterAnswer({ ...task, targets: [] }, converterModel)).toBe('```json\n[]\n```');
  });
});

describe('upstream\'s toy dataset (toy_dataset/anno_with_candidates.json rows; expected = its parquet\'s problem and answer)', () => {
  it('a young boy doing a skateboard trick (640×426 -> 644×420)', () => {
    const task: GroundingTask = {
      referring: 'a young boy doing a skateboard trick on a blue board',
      candidates: [
        [400.20623779296875, 96.98117065429688, 523.5217895507812, 200.83511352539062],
        [94.03903198242188, 46.905479431152344, 448.8309020996094, 280.1360778808594],
        [201.0605010986328, 280.4313049316406, 321.2191467285156, 413.7623596191406],
      ],
      targets: [[93.82, 45.79, 442.27, 275.54]],
      imageWidth: 640,
      imageHeight: 426,
    };
    const model = smartResize(426, 640, { minPixels: CONVERTER_MIN_PIXELS });
    expect(converterProblem(task, model)).toBe(
      '<image>Hint: Object and its coordinates in this image: {"person": [[402, 95, 526, 198], [94, 46, 451, 276], [202, 276, 323, 407]]}\nPlease detect a young boy doing a skateboard trick on a blue board in this image.',
    );
    expect(converterAnswer(task, model)).toBe('```json\n[{"bbox_2d": [94, 45, 445, 271], "label": "a young boy doing a skateboard trick on a blue board"}]\n```');
  });

  it('woman in white shirt looking down at laptop computer (640×480 -> 644×476)', () => {
    const task: GroundingTask = {
      referring: 'woman in white shirt looking down at laptop computer',
      candidates: [
        [371.97064208984375, 0.52630615234375, 639.7770385742188, 479.13006591796875],
        [136.22409057617188, 36.204315185546875, 308.3810729980469, 225.6536865234375],
        [0.00724029541015625, 42.500518798828125, 242.25799560546875, 464.77886962890625],
      ],
      targets: [[0.0, 45.95, 238.92, 454.59]],
      imageWidth: 640,
      imageHeight: 480,
    };
    const model = smartResize(480, 640, { minPixels: CONVERTER_MIN_PIXELS });
    expect(converterProblem(task, model)).toBe(
      '<image>Hint: Object and its coordinates in this image: {"person": [[374, 0, 643, 475], [137, 35, 310, 223], [0, 42, 243, 460]]}\nPlease detect woman in white shirt looking down at laptop computer in this image.',
    );
    expect(converterAnswer(task, model)).toBe('```json\n[{"bbox_2d": [0, 45, 240, 450], "label": "woman in white shirt looking down at laptop computer"}]\n```');
  });
});
