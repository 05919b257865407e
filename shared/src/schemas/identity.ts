import { z } from 'zod';
import { PersonaSchema, RoleSchema, ScopeKindSchema, ResidencySourceSchema } from '../enums.js';
import { DateTimeSchema, IdSchema, text } from './common.js';
import { HouseholdRefSchema } from './communities.js';
import { ResidencyClaimSchema } from './residency.js';

export const WechatLoginRequestSchema = z.object({
  code: z.string().trim().min(1).max(128).describe('The code from wx.login'),
});

export const DevLoginRequestSchema = z.union([
  z.object({ persona: PersonaSchema }).strict(),
  z
    .object({
      openid: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
      nickname: text(32),
    })
    .strict(),
]);
export type DevLoginRequest = z.infer<typeof DevLoginRequestSchema>;

export const RoleGrantSchema = z.object({
  id: IdSchema,
  role: RoleSchema,
  scope: z.object({
    kind: ScopeKindSchema,
    id: IdSchema.nullable(),
    name: z.string().nullable(),
  }),
});
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

export const ResidencySchema = z.object({
  household: HouseholdRefSchema,
  source: ResidencySourceSchema,
  verifiedAt: DateTimeSchema,
});
export type Residency = z.infer<typeof ResidencySchema>;

export const MeSchema = z.object({
  id: IdSchema,
  nickname: z.string(),
  pendingNickname: z
    .string()
    .nullable()
    .describe('A new nickname the content check held for staff review: others see `nickname` until it is approved'),
  avatarUrl: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  verified: z.boolean().describe('Verified resident of at least one household'),
  isStaff: z.boolean(),
  grants: z.array(RoleGrantSchema),
  residencies: z.array(ResidencySchema),
  claims: z.array(ResidencyClaimSchema).describe('My residency claims, newest first'),
  phone: z.string().nullable().describe('Staff contact phone, masked (138****5678); residents are never asked for one'),
});
export type Me = z.infer<typeof MeSchema>;

/** What a resident may change about themselves. */
export const UpdateMeSchema = z.object({ nickname: text(20) }).strict();
export type UpdateMe = z.infer<typeof UpdateMeSchema>;

export const AuthResponseSchema = z.object({
  token: z.string(),
  expiresAt: DateTimeSchema,
  me: MeSchema,
});
export type AuthResponse = z.infer<typeof AuthResponseSchema>;
