import { z } from 'zod';

/**
 * A client sends the same `Idempotency-Key` with every try of one action (sign up, cast a ballot), so a retry
 * after a lost answer or a 503 gets the outcome of the try that counted instead of "already done". At least 128
 * random bits (22 base64url characters): for a secret ballot the key is what its receipt code is derived from.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{22,128}$/, '重试标识格式不对，请刷新页面后再试');
