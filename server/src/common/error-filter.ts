import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { errorMessages, type ApiError, type ErrorCode } from '@linli/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.js';
import { isDatabaseOutage } from './database-outage.js';
import { errorStatus } from './error-status.js';
import { retryAfterOf } from './retry-after.js';

/** Fastify's own client errors (body parsing, limits) carry a 4xx statusCode and an FST_ code. */
function clientErrorCode(error: unknown): ErrorCode | null {
  const status = (error as { statusCode?: number })?.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  if (status === 404) return 'ROUTE_NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  return 'MALFORMED_REQUEST';
}

function toApiError(error: unknown): { status: number; body: ApiError; unexpected: boolean } {
  if (error instanceof AppError) {
    const body: ApiError = { code: error.code, message: error.message };
    if (error.fields) body.fields = error.fields;
    return { status: errorStatus[error.code], body, unexpected: false };
  }
  const clientCode =
    error instanceof HttpException
      ? clientErrorCode({ statusCode: error.getStatus() })
      : clientErrorCode(error);
  if (clientCode) {
    return { status: errorStatus[clientCode], body: { code: clientCode, message: errorMessages[clientCode] }, unexpected: false };
  }
  if (isDatabaseOutage(error)) {
    return { status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: errorMessages.DATABASE_UNAVAILABLE }, unexpected: false };
  }
  return { status: 500, body: { code: 'INTERNAL', message: errorMessages.INTERNAL }, unexpected: true };
}

/** One error model for every response: `{code, message, fields?}`. Unexpected errors are logged, never echoed. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { status, body, unexpected } = toApiError(error);
    if (unexpected) {
      this.logger.error({ err: error, method: request?.method, url: request?.url }, 'Unexpected error');
    }
    const retryAfter = retryAfterOf(body.code);
    if (retryAfter !== null) {
      // An outage (database, WeChat, storage) is logged with its cause: the access log alone says only "503".
      const cause = error instanceof AppError ? error.cause : error;
      this.logger.warn({ code: body.code, err: cause, method: request?.method, url: request?.url }, 'Dependency unavailable');
      void reply.header('retry-after', String(retryAfter));
    }
    // A limit's own wait (rate limits) is the exact time until its window reopens.
    else if (error instanceof AppError && error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

export { toApiError };
