// The output image formats, one row each (file extension, MIME type, encoder settings, largest side), and
// the size limit on source images: the single definition that the renderer, the CLI's --format and file names read.
import type { JpegOptions, WebpOptions } from 'sharp';

/** PNG through @napi-rs/image (the Rust `png` crate): fdeflate's fast compression, with adaptive row filters or Up alone. */
export interface PngEncodeOptions {
  compression: 'fast';
  filter: 'adaptive' | 'up';
}

export type EncodeSettings =
  | { format: 'png'; options: PngEncodeOptions }
  | { format: 'jpeg'; options: JpegOptions }
  | { format: 'webp'; options: WebpOptions };

interface FormatRow<F extends EncodeSettings['format']> {
  extension: string;
  mime: string;
  /** Largest side the encoder accepts, in pixels. */
  maxSide: number;
  /** The encoder's settings (sharp's for JPEG and WebP); `fast` trades file size for encoding time. */
  encoder(fast: boolean): Extract<EncodeSettings, { format: F }>;
}

export const OUTPUT_FORMATS: { [F in EncodeSettings['format']]: FormatRow<F> } = {
  // On the bench pictures (test/bench/encoders.mjs): fdeflate with adaptive filters takes ~1/4 of the CPU time of
  // sharp's zlib level 2 for ~3% more bytes; --fast (the Up filter alone) ~20% less again for ~4% more bytes.
  png: { extension: 'png', mime: 'image/png', maxSide: 2 ** 31 - 1, encoder: (fast) => ({ format: 'png', options: { compression: 'fast', filter: fast ? 'up' : 'adaptive' } }) },
  // 4:4:4 keeps coloured text crisp; mozjpeg would make encoding several times slower.
  jpeg: { extension: 'jpg', mime: 'image/jpeg', maxSide: 65_535, encoder: () => ({ format: 'jpeg', options: { quality: 90, chromaSubsampling: '4:4:4' } }) },
  webp: { extension: 'webp', mime: 'image/webp', maxSide: 16_383, encoder: (fast) => ({ format: 'webp', options: { quality: 90, effort: fast ? 0 : 4 } }) },
};

export type OutputFormat = keyof typeof OUTPUT_FORMATS;

/** The format names, in the order --format lists them. */
export const OUTPUT_FORMAT_NAMES = Object.keys(OUTPUT_FORMATS) as OutputFormat[];

/** Largest source image accepted, in pixels: bigger headers are refused before any decoding (the memory budget). */
export const MAX_IMAGE_PIXELS = 60_000_000;

/**
 * Longest reasoning text (UTF-16 code units) a picture is drawn from; longer ones are refused before they are sent to
 * a drawing thread. Measured: a trace costs ~5 bytes a character in the heap it is cloned into, and laying out the
 * longest trace any picture can hold (~300,000 characters at the smallest font) takes ~40 MB more; so at this limit
 * a thread's 256 MB heap holds several such samples at once. Real traces are under 10 KB.
 */
export const MAX_THINK_CHARS = 1_048_576;
