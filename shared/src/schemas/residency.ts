import { z } from 'zod';
import { ClaimStatusSchema, ResidencySourceSchema } from '../enums.js';
import { DateTimeSchema, IdParamSchema, IdSchema, PageQuerySchema, pageOf, text } from './common.js';
import { HouseholdRefSchema } from './communities.js';

export const CreateResidencyClaimSchema = z.object({
  householdId: IdSchema,
  realName: text(32).describe('Real name, matched against the census'),
});
export type CreateResidencyClaim = z.infer<typeof CreateResidencyClaimSchema>;

export const ResidencyClaimSchema = z.object({
  id: IdSchema,
  status: ClaimStatusSchema,
  realName: z.string(),
  household: HouseholdRefSchema,
  claimant: z.object({ id: IdSchema, nickname: z.string() }),
  reason: z.string().nullable().describe('Why it was rejected'),
  decidedBy: ResidencySourceSchema.nullable().describe('claim = by staff, census = matched by a census import'),
  createdAt: DateTimeSchema,
  decidedAt: DateTimeSchema.nullable(),
});
export type ResidencyClaim = z.infer<typeof ResidencyClaimSchema>;

export const ResidencyClaimQuerySchema = PageQuerySchema.extend({
  communityId: IdParamSchema.optional(),
  status: ClaimStatusSchema.optional(),
});
export type ResidencyClaimQuery = z.infer<typeof ResidencyClaimQuerySchema>;
export const ResidencyClaimPageSchema = pageOf(ResidencyClaimSchema);

export const RejectResidencyClaimSchema = z.object({
  reason: text(200).describe('Shown to the resident'),
});

