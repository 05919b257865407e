import { z } from 'zod';
import { IdSchema } from './common.js';

/** What `POST /api/uploads` accepts: one image in the multipart field `file`. */
export const imageUploadLimits = {
  field: 'file',
  maxBytes: 5 * 1024 * 1024,
  /** Checked by decoding the file, not by its name or declared type. */
  types: ['image/jpeg', 'image/png', 'image/webp'],
} as const;

/**
 * The stored sizes of one image, all JPEG with every piece of metadata (EXIF, GPS, XMP) removed:
 * `body` fits 1600×1600 (article bodies, full view), `cover` is a 16:9 crop up to 1200×675 (activity and
 * article covers), `thumb` a square up to 320×320 (small lists).
 */
export const ImageVariantSchema = z.enum(['body', 'cover', 'thumb']);
export type ImageVariant = z.infer<typeof ImageVariantSchema>;

export const UploadSchema = z.object({
  id: IdSchema,
  /** The content hash that names the stored files. */
  key: z.string(),
  /** The `body` variant's address. */
  url: z.string(),
  variants: z.object({ body: z.string(), cover: z.string(), thumb: z.string() }),
  /** Size of the `body` variant, after turning the photo upright. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Upload = z.infer<typeof UploadSchema>;

/**
 * An image address a client may store (an activity's or an article's cover): http(s), or this server's /uploads/,
 * with nothing that could leave an HTML attribute (quotes, angle brackets, spaces). The server then accepts only
 * addresses naming one of Linli's own uploads (IMAGE_NOT_OURS otherwise).
 */
export const ImageUrlSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^(?:https?:\/\/[a-z0-9.-]+(?::\d+)?\/|\/uploads\/)[^\s"'<>`\\]*$/i, '图片地址不对，请重新上传图片');
