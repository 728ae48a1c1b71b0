// The output image formats, one row each (file extension, MIME type, sharp's encoder settings, largest side), and
// the size limit on source images: the single definition that the renderer, the CLI's --format and file names read.
import type { JpegOptions, PngOptions, WebpOptions } from 'sharp';

export type EncodeSettings =
  | { format: 'png'; options: PngOptions }
  | { format: 'jpeg'; options: JpegOptions }
  | { format: 'webp'; options: WebpOptions };

interface FormatRow<F extends EncodeSettings['format']> {
  extension: string;
  mime: string;
  /** Largest side the encoder accepts, in pixels. */
  maxSide: number;
  /** sharp's settings; `fast` trades file size for encoding time. */
  encoder(fast: boolean): Extract<EncodeSettings, { format: F }>;
}

export const OUTPUT_FORMATS: { [F in EncodeSettings['format']]: FormatRow<F> } = {
  // zlib level 2: on photos the deflate strategies of levels 3-6 find ~1% more (6% on flat drawings) for 20-40%
  // more time (test/bench/encoders.mjs); adaptive filtering would save ~27% of the bytes for ~65% more time.
  png: { extension: 'png', mime: 'image/png', maxSide: 2 ** 31 - 1, encoder: (fast) => ({ format: 'png', options: { compressionLevel: fast ? 1 : 2, adaptiveFiltering: false } }) },
  // 4:4:4 keeps coloured text crisp; mozjpeg would make encoding several times slower.
  jpeg: { extension: 'jpg', mime: 'image/jpeg', maxSide: 65_535, encoder: () => ({ format: 'jpeg', options: { quality: 90, chromaSubsampling: '4:4:4' } }) },
  webp: { extension: 'webp', mime: 'image/webp', maxSide: 16_383, encoder: (fast) => ({ format: 'webp', options: { quality: 90, effort: fast ? 0 : 4 } }) },
};

export type OutputFormat = keyof typeof OUTPUT_FORMATS;

/** The format names, in the order --format lists them. */
export const OUTPUT_FORMAT_NAMES = Object.keys(OUTPUT_FORMATS) as OutputFormat[];

/** Largest source image accepted, in pixels: bigger headers are refused before any decoding (the memory budget). */
export const MAX_IMAGE_PIXELS = 60_000_000;
