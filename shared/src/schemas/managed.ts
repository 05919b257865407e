import { z } from 'zod';
import { CreateSignupSchema } from './activities.js';
import { DateTimeSchema, IdParamSchema, IdSchema, PageQuerySchema, pageOf, text } from './common.js';
import { HouseholdRefSchema } from './communities.js';

/** 代办: staff register a resident without a smartphone, who is verified to the household at once. */
export const CreateManagedResidentSchema = z
  .object({
    name: text(20).describe('The name the resident is known by (shown in sign-up lists)'),
    householdId: IdSchema,
  })
  .strict();
export type CreateManagedResident = z.infer<typeof CreateManagedResidentSchema>;

export const ManagedResidentSchema = z.object({
  id: IdSchema,
  name: z.string(),
  household: HouseholdRefSchema,
  registeredBy: z.string().describe('The staff member who registered them'),
  createdAt: DateTimeSchema,
});
export type ManagedResident = z.infer<typeof ManagedResidentSchema>;
export const ManagedResidentPageSchema = pageOf(ManagedResidentSchema);

export const ManagedResidentQuerySchema = PageQuerySchema.extend({ communityId: IdParamSchema.optional() });

/** Staff sign a managed resident up: the resident's own sign-up, through the same seats and rules. */
export const ManagedSignupSchema = CreateSignupSchema.extend({ activityId: IdSchema });
export type ManagedSignup = z.infer<typeof ManagedSignupSchema>;

export const HandoverSchema = z.object({
  code: z.string().describe('Shown once: only its hash is stored'),
  expiresAt: DateTimeSchema,
});
export type Handover = z.infer<typeof HandoverSchema>;

export const HandoverParamsSchema = z.object({ code: z.string().trim().min(1).max(32) });
