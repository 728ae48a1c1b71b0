// The render module's public face: every other folder imports render/ through here. What it loads at once is pure
// (colours, the border rule, mention styling, paragraphs, the layers' layout); the drawing parts (canvas, sharp, fonts,
// drawing threads) load on first use, so validate and stats never load them.
import type { PictureDrawer } from './render.js';
import type { RenderPool, RenderPoolOptions } from './pool.js';
import type { Renderer } from '../types.js';

export { borderTolerance } from './border.js';
export { ANSWER_COLOR, candidateColor, INK, MUTED, readableOnWhite, tint, verdictColor } from './colors.js';
export { allMentions, nbsp } from './mention-pieces.js';
export { buildReasoning } from './reasoning.js';
export { checkTraceLength } from './worker-protocol.js';
export type { Measure, Paragraph, Piece } from './wrap.js';

// The layers a composition stacks (see layout.ts), each laid out by a pure function.
export { boxGeometry, boxStyle, type CandidateSpec } from './boxes.js';
export { layoutLabels } from './box-labels.js';
export { layoutOutlines, layoutTags, tagSize, type OutlineSpec, type TagSpec } from './model-boxes.js';
export { findOverlay, layoutPicture, type Composition, type ImagePanel, type Overlay, type PanelMetrics, type PictureLayout } from './layout.js';
export type { Photo } from './decode.js';
export type { DrawnPicture, PictureOptions } from './picture.js';
export type { RenderedImage, RenderOptions, Renderer } from './render.js';
export type { PictureDrawer, RenderPool, RenderPoolOptions };

/** The one in-process renderer (visualize's picture of a sample): fonts registered and the emoji self-check passed. */
export async function getRenderer(): Promise<Renderer> {
  return (await import('./render.js')).getRenderer();
}

/** The same renderer as a drawer of any composition (eval's picture). */
export async function getPictureDrawer(): Promise<PictureDrawer> {
  return (await import('./render.js')).getPictureDrawer();
}

/** Drawing threads behind the same `render(sample, cot, options)`. */
export async function startRenderPool(options: RenderPoolOptions): Promise<RenderPool> {
  return (await import('./pool.js')).startRenderPool(options);
}
