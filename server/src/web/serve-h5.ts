import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export const DEFAULT_H5_DIR = fileURLToPath(new URL('../../../miniapp/dist/h5', import.meta.url));

/** Webpack's content hashes in file names (js/app.f6f32674.js, css/app.f6f32674369099e2af1f.css). */
const HASHED = /\.[0-9a-f]{8,}\.(js|css)$/;

/**
 * The CSP sources ('sha256-…') of the inline scripts in the H5 page (Taro's root font-size script), read from
 * our own build: the policy allows exactly these and no other inline script.
 */
export function inlineScriptHashes(dir: string): string[] {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return [];
  const html = readFileSync(index, 'utf8');
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
  );
}

/**
 * Serves the mini-program's H5 build at `/`, same origin as the API (no CORS). The H5 app uses hash routing,
 * so only real files are served; anything else falls through to the API's 404 in the shared error format.
 * The build leaves a .br and a .gz beside each text file (miniapp/scripts/precompress.mjs): they are sent to
 * browsers that accept them, with no compression work per request. Hashed bundles are cached for a year;
 * everything else (index.html, the favicon) is revalidated, so a deploy shows at once.
 */
export async function serveH5(app: NestFastifyApplication, dir: string): Promise<boolean> {
  if (!existsSync(join(dir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.header('cache-control', HASHED.test(path.replace(/\.(br|gz)$/, '')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}
