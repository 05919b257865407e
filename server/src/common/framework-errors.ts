import type { Socket } from 'node:net';
import { errorMessages, type ApiError, type ErrorCode } from '@linli/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toApiError } from './error-filter.js';
import { errorStatus } from './error-status.js';

/**
 * Errors Fastify answers before a route is found (a bad percent-encoding, a path parameter over its length limit):
 * the same `{code, message}` as every other answer, never the URL echoed back.
 */
export function frameworkErrors(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toApiError(error);
  void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
}

/** Node's HTTP parser refused the request (an unknown method, broken framing, headers too large, too slow). */
function clientErrorCode(error: NodeJS.ErrnoException): ErrorCode {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'REQUEST_TIMEOUT';
  if (error.code === 'HPE_HEADER_OVERFLOW') return 'PAYLOAD_TOO_LARGE';
  return 'MALFORMED_REQUEST';
}

/** Replaces Fastify's `{"error":"Bad Request","message":"Client Error"}`, written straight to the socket. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code = clientErrorCode(error);
  const body: ApiError = { code, message: errorMessages[code] };
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${errorStatus[code]} Error\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}
