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
