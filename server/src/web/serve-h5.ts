import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export const DEFAULT_H5_DIR = fileURLToPath(new URL('../../../miniapp/dist/h5', import.meta.url));

/**
 * Serves the mini-program's H5 build at `/`, same origin as the API (no CORS). The H5 app uses hash routing,
 * so only real files are served; anything else falls through to the API's 404 in the shared error format.
 * Hashed bundles are cached for a year; index.html is revalidated so a deploy shows at once.
 */
export async function serveH5(app: NestFastifyApplication, dir: string): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (res, path) => {
      res.header('cache-control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
  return true;
}
