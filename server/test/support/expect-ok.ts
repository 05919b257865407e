import type { AnyRoute, RouteResponse } from '@linli/shared';
import type { Reply } from './test-app.js';

/** Unwraps a successful reply, failing the test with the error code otherwise. */
export function ok<R extends AnyRoute>(reply: Reply<R>): RouteResponse<R> {
  if (reply.error) throw new Error(`expected success, got ${reply.status} ${reply.error.code}: ${reply.error.message}`);
  return reply.body;
}
