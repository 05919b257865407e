import { createHash } from 'node:crypto';
import type { ImageVariant } from '@linli/shared';
import sharp, { type OutputInfo } from 'sharp';
import { AppError } from '../common/app-error.js';

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp']);
/** 50 megapixels: above any phone camera's default, well below what would exhaust memory when decoded. */
const MAX_INPUT_PIXELS = 50_000_000;
const BODY_MAX_SIDE = 1600;
const COVER = { width: 1200, ratio: 16 / 9 };
const THUMB_SIDE = 320;
const JPEG = { quality: 82, mozjpeg: true } as const;

export interface ImageFile {
  variant: ImageVariant;
  bytes: Buffer;
  width: number;
  height: number;
}

export interface ProcessedImage {
  /** Hash of the body variant's bytes: names the stored files, so a name always means the same picture. */
  key: string;
  files: ImageFile[];
}

/**
 * Decodes an upload and makes its stored sizes. The file's name and declared type are not trusted: only what
 * the decoder finds counts. Every output is a fresh JPEG: EXIF (with any GPS position), XMP and ICC data are
 * dropped, the photo is turned upright first, and transparency is laid on white.
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  let format: string | undefined;
  let pixels: number;
  try {
    // The same pixel limit as decoding: sharp's own default (about 268 MP) would refuse a bigger header as unreadable.
    const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    format = meta.format;
    pixels = (meta.width ?? 0) * (meta.height ?? 0);
  } catch (cause) {
    throw decodeError(cause);
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) throw new AppError('IMAGE_TYPE_UNSUPPORTED');
  if (pixels > MAX_INPUT_PIXELS) throw new AppError('IMAGE_TOO_LARGE');

  let body: { data: Buffer; info: OutputInfo };
  try {
    // failOn 'warning' (sharp's default, stated here on purpose): a truncated or damaged file is refused, not stored half-grey.
    body = await sharp(input, { failOn: 'warning', limitInputPixels: MAX_INPUT_PIXELS, autoOrient: true })
      .resize(BODY_MAX_SIDE, BODY_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg(JPEG)
      .toBuffer({ resolveWithObject: true });
  } catch (cause) {
    throw decodeError(cause);
  }

  // The smaller sizes come from the body, so each is a function of the bytes its key names.
  const { width, height } = body.info;
  const coverWidth = Math.min(COVER.width, width, Math.floor(height * COVER.ratio));
  const coverHeight = Math.max(1, Math.round(coverWidth / COVER.ratio));
  const thumbSide = Math.min(THUMB_SIDE, width, height);
  const [cover, thumb] = await Promise.all([
    crop(body.data, coverWidth, coverHeight),
    crop(body.data, thumbSide, thumbSide),
  ]);
  return {
    key: createHash('sha256').update(body.data).digest('hex').slice(0, 32),
    files: [
      { variant: 'body', bytes: body.data, width, height },
      { variant: 'cover', ...cover },
      { variant: 'thumb', ...thumb },
    ],
  };
}

/** sharp's refusal of a picture over the pixel limit is a size problem (413), anything else a broken file. */
function decodeError(cause: unknown): AppError {
  const overLimit = cause instanceof Error && /pixel limit/i.test(cause.message);
  return new AppError(overLimit ? 'IMAGE_TOO_LARGE' : 'IMAGE_UNREADABLE', { cause });
}

async function crop(source: Buffer, width: number, height: number) {
  const { data, info } = await sharp(source)
    .resize(width, height, { fit: 'cover', position: sharp.strategy.attention })
    .jpeg(JPEG)
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}
