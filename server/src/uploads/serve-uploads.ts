import { mkdir } from 'node:fs/promises';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IMMUTABLE_CACHE_CONTROL, LOCAL_UPLOADS_PREFIX } from './image-storage.js';

/**
 * Serves locally stored uploads at /uploads/. Names are content hashes, so every file is cached for a year;
 * a missing one falls through to the API's 404 in the shared error format. (With S3 the bucket serves them.)
 */
export async function serveUploads(app: NestFastifyApplication, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await app.register(fastifyStatic, {
    root: dir,
    prefix: LOCAL_UPLOADS_PREFIX,
    // The H5 app registers @fastify/static too; only one registration may decorate the reply.
    decorateReply: false,
    index: false,
    list: false,
    cacheControl: false,
    setHeaders: (res) => {
      res.header('cache-control', IMMUTABLE_CACHE_CONTROL);
      res.header('x-content-type-options', 'nosniff');
    },
  });
}
