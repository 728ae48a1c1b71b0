// Paints a laid-out picture, bottom to top: background, text panel in columns, footer, the photo, then each overlay
// of the image panel in the composition's order (an overlay at the panel's edge draws over the rule beside it).
import { ImageData, type SKRSContext2D } from '@napi-rs/canvas';
import { FOOTER_BG, PANEL_BG, RULE } from './colors.js';
import { columnX, type Overlay, type PictureLayout } from './layout.js';
import { drawBoxes, drawLabels, drawOutlines, drawTags } from './paint-overlays.js';
import { drawLine } from './text-draw.js';
import type { Measure } from './wrap.js';

function paintTextPanel(ctx: SKRSContext2D, layout: PictureLayout, measure: Measure): void {
  const { image, bodyHeight, panel } = layout;
  // Separated from the image by a rule; thin rules between columns.
  ctx.fillStyle = RULE;
  ctx.fillRect(image.width, 0, 1, bodyHeight);
  for (let c = 1; c < layout.flow.columns; c++) {
    ctx.fillRect(columnX(layout, c) - Math.round(panel.gutter / 2), panel.pad, 1, bodyHeight - 2 * panel.pad);
  }
  for (const f of layout.flow.lines) drawLine(ctx, f.line, columnX(layout, f.column), panel.pad + f.y, panel.columnWidth, measure);
}

function paintFooter(ctx: SKRSContext2D, layout: PictureLayout, measure: Measure): void {
  const { width, bodyHeight, footer } = layout;
  ctx.fillStyle = FOOTER_BG;
  ctx.fillRect(0, bodyHeight, width, footer.height);
  ctx.fillStyle = RULE;
  ctx.fillRect(0, bodyHeight, width, 1);
  for (const { line, y } of footer.lines) drawLine(ctx, line, footer.x, y, width - 2 * footer.x, measure);
}

function paintOverlay(ctx: SKRSContext2D, overlay: Overlay, layout: PictureLayout, measure: Measure): void {
  switch (overlay.kind) {
    case 'candidates':
      return drawBoxes(ctx, overlay.boxes, overlay.lineWidth, layout.image.width, layout.image.height);
    case 'labels':
      return drawLabels(ctx, overlay.labels, measure);
    case 'model-boxes':
      return drawOutlines(ctx, overlay.outlines, overlay.lineWidth);
    case 'model-tags':
      return drawTags(ctx, overlay.tags);
  }
}

/** Everything but the photo: it is decoded meanwhile, on sharp's threads. */
export function paintText(ctx: SKRSContext2D, layout: PictureLayout, measure: Measure): void {
  ctx.fillStyle = PANEL_BG;
  ctx.fillRect(0, 0, layout.width, layout.height);
  paintTextPanel(ctx, layout, measure);
  paintFooter(ctx, layout, measure);
}

/** The photo (opaque RGBA at the panel's size) and the overlays above it. */
export function paintImagePanel(ctx: SKRSContext2D, layout: PictureLayout, rgba: Buffer, measure: Measure): void {
  const { width: W, height: H } = layout.image;
  ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length), W, H), 0, 0);
  for (const overlay of layout.overlays) paintOverlay(ctx, overlay, layout, measure);
}
