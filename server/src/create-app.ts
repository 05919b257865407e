import 'reflect-metadata';
import fastifyMultipart from '@fastify/multipart';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { configureZod } from '@linli/shared';
import { AppModule } from './app.module.js';
import type { Clock } from './clock/clock.js';
import { clientErrorHandler, frameworkErrors } from './common/framework-errors.js';
import { serializeReply } from './common/json-body.js';
import { createLogger, PinoNestLogger } from './common/logger.js';
import type { AppConfig } from './config/config.js';
import { SchemaSetup } from './database/schema-setup.js';
import { buildOpenApi } from './openapi/build-openapi.js';
import { serveUploads } from './uploads/serve-uploads.js';
import { useSecurityHeaders } from './web/security-headers.js';
import { DEFAULT_H5_DIR, inlineScriptHashes, serveH5 } from './web/serve-h5.js';

/** Builds the whole server (API, docs, H5) and prepares its database; `listen` is the caller's. */
export async function createApp(config: AppConfig, options: { clock?: Clock } = {}): Promise<NestFastifyApplication> {
  configureZod();
  const logger = createLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // X-Forwarded-* only from the proxies configured (TRUST_PROXY); anyone else could forge them.
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    loggerInstance: logger,
    // Request logs are for diagnosing the live app; they would drown test output.
    logController: new LogController({ disableRequestLogging: config.env === 'test' }),
    // Answers Fastify gives before routing (bad URL, over-long parameter, unparseable request) in our error model.
    frameworkErrors,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.clock), adapter, {
    logger: new PinoNestLogger(logger),
  });
  app.setGlobalPrefix('api');
  // Fastify's types want a string; a Buffer from the serializer is sent as is (reply.js accepts string or Buffer).
  app.getHttpAdapter().getInstance().setReplySerializer(serializeReply as (payload: unknown) => string);
  app.enableShutdownHooks();
  const h5Dir = config.h5Dir ?? DEFAULT_H5_DIR;
  useSecurityHeaders(app, config, inlineScriptHashes(h5Dir));
  // Multipart bodies are read only by routes that declare a file, each with its own limits (uploads/uploaded-file.ts).
  await app.register(fastifyMultipart);
  if (!config.uploads.s3) await serveUploads(app, config.uploads.dir);
  if (config.apiDocs) {
    SwaggerModule.setup('api/docs', app, buildOpenApi() as never, { jsonDocumentUrl: 'api/docs/openapi.json' });
  }
  if (!(await serveH5(app, h5Dir))) {
    new NestLogger('Web').warn(`No H5 build at ${h5Dir}: run "pnpm build" to serve the mini-program at /`);
  }
  await app.init();
  await app.get(SchemaSetup).prepare();
  return app;
}
