// A new kind of picture is a new composition: one made here, with a model's box and a line of text, drawn by the
// shared drawer (the layers painted bottom to top), refused over a format's size limit, named by its own record.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataError, UsageError } from '../../src/errors.js';
import { getPictureDrawer, layoutOutlines, type Composition, type PictureDrawer } from '../../src/render/index.js';
import { FOOTER_BG, parseHex, PANEL_BG, RULE } from '../../src/render/colors.js';
import { solidPng } from './_helpers.js';
import { pixels } from './_scene.js';

let drawer: PictureDrawer;
beforeAll(async () => {
  drawer = await getPictureDrawer();
});

const BLUE = '#1565c0';
const composition: Composition = {
  refuse: { where: { file: 'boxes.jsonl', index: 4 }, hint: 'Skip this sample' },
  textChars: 5,
  text: (_image, m) => ({
    panel: [{ pieces: [{ text: 'hello' }], size: m.size, lineHeight: Math.round(m.size * 1.4), color: '#000000' }],
    footer: [{ pieces: [{ text: 'a footer' }], size: m.footerSize, lineHeight: Math.round(m.footerSize * 1.4), color: '#000000' }],
  }),
  // Its box reaches the right edge of the photo: the outline is painted over the rule beside it.
  overlays: (image) => [{ kind: 'model-boxes', outlines: layoutOutlines([{ box: [200, 100, 500, 300], color: BLUE }], image), lineWidth: 4 }],
};

describe('a composition of its own', () => {
  it('is painted bottom to top: panel and footer, the photo, then its overlays', async () => {
    const photo = { image: await solidPng(500, 400, [128, 128, 128]), imageFormat: 'png' as const, where: { file: 'photo.png' } };
    const { image, layout } = await drawer.draw(photo, composition);
    const px = await pixels(image.data);
    expect([px.width, px.height]).toEqual([layout.width, layout.height]);
    expect(px.at(50, 50)).toEqual([128, 128, 128]);
    expect(px.at(500, 5)).toEqual(parseHex(RULE));
    expect(px.at(layout.width - 5, 5)).toEqual(parseHex(PANEL_BG));
    expect(px.at(5, layout.height - 3)).toEqual(parseHex(FOOTER_BG));
    // The dashed outline: blue dashes, white-haloed, on the photo; on the rule, its halo (painted after the rule).
    const column = (x: number) => Array.from({ length: 60 }, (_, i) => px.at(x, 100 + i).join());
    expect(column(202)).toContain(parseHex(BLUE).join());
    expect(column(199)).toContain('255,255,255');
    expect(column(199)).toContain('128,128,128');
    expect(column(500)).toContain('255,255,255');
    expect(column(500)).toContain(parseHex(RULE).join());
  });

  it('is refused over the format’s side limit, naming its own record, and with a bad maxSide', async () => {
    const tall = { image: await sharp({ create: { width: 64, height: 17_000, channels: 3, background: '#808080' } }).png().toBuffer(), imageFormat: 'png' as const, where: { file: 'tall.png' } };
    const error = await drawer.draw(tall, composition, { format: 'webp', maxSide: 17_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toMatch(/^boxes\.jsonl, sample 4: the picture would be \d+×17\d{3} px, over the WEBP limit of 16383 px a side\. Use --format png/);
    await expect(drawer.draw(tall, composition, { maxSide: 10 })).rejects.toBeInstanceOf(UsageError);
  });

  it('names its photo when the photo cannot be read', async () => {
    const error = await drawer.draw({ image: Buffer.from('not an image'), imageFormat: 'jpeg', where: { file: 'images/x.jpg' } }, composition).catch((e: unknown) => e);
    expect((error as DataError).message).toMatch(/^images\/x\.jpg: cannot read the jpeg image header/);
  });
});
