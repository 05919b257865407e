import contentDisposition from 'content-disposition';
import type { FastifyReply } from 'fastify';

/** A file to download: the name people see (may be Chinese), its type and its bytes. */
export interface DownloadFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/**
 * Sends a download, the one way every export does: the real name per RFC 6266/5987 (`filename*=UTF-8''…`) with an
 * ASCII `fallback` for old clients, no type sniffing, and no caching (exports hold personal data).
 */
export async function sendFile(reply: FastifyReply, file: DownloadFile, fallback: string): Promise<void> {
  await reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.filename, { fallback }))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.body);
}
