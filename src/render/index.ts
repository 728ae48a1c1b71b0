// The renderer's public face: one shared renderer, its options, and the candidate colours.
export { getRenderer, type Renderer, type RenderOptions, type RenderedImage } from './render.js';
export { candidateColor } from './colors.js';
