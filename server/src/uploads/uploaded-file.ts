import type { AnyRoute } from '@linli/shared';
import type { FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { AppError } from '../common/app-error.js';

/** Multipart errors carry these codes (see @fastify/multipart); each becomes one of ours. */
const TOO_LARGE = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

/**
 * Reads the one file a route declares (`route.file`) from a multipart request into memory, refusing it
 * past the route's size limit before the rest arrives. The file's name and declared type are ignored.
 */
export async function readUploadedFile(request: FastifyRequest, route: AnyRoute): Promise<Buffer> {
  const spec = route.file;
  if (!spec) throw new Error(`${route.path} declares no file`);
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  try {
    const part = await request.file({ limits: { fileSize: spec.maxBytes, files: 1, fields: 10, parts: 12, fieldSize: 1024 } });
    if (!part || part.fieldname !== spec.field) throw new AppError('IMAGE_MISSING');
    const bytes = await part.toBuffer();
    if (bytes.length === 0) throw new AppError('IMAGE_MISSING');
    return bytes;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code && TOO_LARGE.has(code)) throw new AppError('IMAGE_TOO_LARGE', { cause: error });
    throw new AppError('MALFORMED_REQUEST', { cause: error });
  }
}
