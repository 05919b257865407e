import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { IdempotencyKeySchema } from '@linli/shared';
import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error.js';

/**
 * `@IdempotencyKey() key: string | null` — the request's Idempotency-Key header, checked; null when absent.
 * Never logged: for a secret ballot it is what the receipt code is derived from.
 */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  const raw = ctx.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
  if (raw === undefined) return null;
  const parsed = IdempotencyKeySchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'headers.idempotency-key', message: parsed.error.issues[0].message }] });
  }
  return parsed.data;
});
