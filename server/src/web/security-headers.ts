import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import type { AppConfig } from '../config/config.js';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** Where uploaded images come from besides us: the bucket's public address when they live in S3. */
function imageOrigins(config: AppConfig): string[] {
  return config.uploads.s3 ? [new URL(config.uploads.s3.publicUrl).origin] : [];
}

const sha256 = (source: string) => `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;

/**
 * Taro's H5 tab bar items are `<a href="javascript:;">` with a click handler: following the link does nothing, but
 * the browser still runs it, so the policy allows exactly that no-op URL (both hash forms browsers compute).
 */
const TARO_NO_OP_LINK = ["'unsafe-hashes'", sha256('javascript:;'), sha256(';')];

function policy(config: AppConfig, scriptSources: string[]) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...scriptSources, ...TARO_NO_OP_LINK],
        // React and NutUI set style attributes, and Taro adds <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...imageOrigins(config)],
        fontSrc: ["'self'", 'data:'],
        // blob: the article and activity forms read a picked photo back from its object URL before uploading it.
        connectSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}

/**
 * Security headers on every answer (pages, API, files), from the `helmet` library. Its middlewares are built once
 * here: @fastify/helmet rebuilds them on each request, measured at ~100 µs a request against ~1.5 µs.
 * `inlineScriptHashes`: the 'sha256-…' sources of the H5 page's own inline scripts. Swagger UI needs inline
 * scripts of its own, so the docs (served only where API_DOCS allows) get a policy that permits them.
 */
export function useSecurityHeaders(app: NestFastifyApplication, config: AppConfig, inlineScriptHashes: string[]): void {
  const site = policy(config, inlineScriptHashes) as Middleware;
  const docs = policy(config, ["'unsafe-inline'"]) as Middleware;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      (request.url.startsWith('/api/docs') ? docs : site)(request.raw, reply.raw, (error) => done(error as Error | undefined));
    });
}
