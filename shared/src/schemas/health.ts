import { z } from 'zod';
import { DatabaseKindSchema } from '../enums.js';

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({
    kind: DatabaseKindSchema,
    ok: z.boolean(),
    latencyMs: z.number().nonnegative().nullable(),
  }),
  devLogin: z.boolean(),
  wechat: z.boolean().describe('Whether the WeChat API is configured'),
});
export type Health = z.infer<typeof HealthSchema>;

/** Liveness: the process is up and serving; says nothing about the database (that is /health, readiness). */
export const LivenessSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
});
export type Liveness = z.infer<typeof LivenessSchema>;
