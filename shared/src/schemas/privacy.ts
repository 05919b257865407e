import { z } from 'zod';
import { RoleSchema } from '../enums.js';
import { DateTimeSchema, IdSchema } from './common.js';
import { CompanionSchema, SignupAnswersSchema, SignupRoleSchema, SignupStatusSchema } from './activities.js';
import { ResidencySchema } from './identity.js';
import { ResidencyClaimSchema } from './residency.js';
import { ServiceCategorySchema, ServiceRequestStateSchema } from './help.js';
import { SubscribeTemplateKeySchema } from './subscriptions.js';

/** Everything Linli keeps about me, as one JSON document I can download (我的 → 导出我的数据). */
export const MyDataExportSchema = z.object({
  exportedAt: DateTimeSchema,
  /** Plain-Chinese notes on what the file holds and what it cannot hold (secret ballots). */
  notes: z.array(z.string()),
  profile: z.object({
    id: IdSchema,
    openid: z.string().describe('My WeChat identifier for this mini-program'),
    nickname: z.string(),
    pendingNickname: z.string().nullable().describe('A new nickname waiting for staff review'),
    avatarUrl: z.string().nullable(),
    birthYear: z.number().int().nullable(),
    phone: z.string().nullable().describe('Staff only; masked like every phone number Linli answers with'),
    createdAt: DateTimeSchema,
  }),
  roles: z.array(z.object({ role: RoleSchema, scope: z.string().describe('e.g. "community:3"') })),
  residencies: z.array(ResidencySchema),
  residencyClaims: z.array(ResidencyClaimSchema),
  signups: z.array(
    z.object({
      id: IdSchema,
      activity: z.object({ id: IdSchema, title: z.string(), startsAt: DateTimeSchema }),
      role: SignupRoleSchema,
      status: SignupStatusSchema,
      companions: z.array(CompanionSchema),
      answers: SignupAnswersSchema,
      createdAt: DateTimeSchema,
      checkedInAt: DateTimeSchema.nullable(),
      checkedOutAt: DateTimeSchema.nullable(),
    }),
  ),
  volunteerHours: z.array(z.object({ activityId: IdSchema, minutes: z.number().int(), createdAt: DateTimeSchema })),
  consultations: z
    .array(
      z.object({
        poll: z.object({ id: IdSchema, title: z.string() }),
        channel: z.string(),
        secret: z.boolean().describe('A secret ballot: what I chose is not linked to me, so it cannot be exported'),
        createdAt: DateTimeSchema,
      }),
    )
    .describe('Consultations I voted in myself (per-person polls); household votes are not linked to a person'),
  subscriptions: z
    .array(z.object({ key: SubscribeTemplateKeySchema, remaining: z.number().int() }))
    .describe('WeChat messages I allowed and that are not yet sent, per template'),
  articleReads: z.array(z.object({ articleId: IdSchema, day: z.string() })),
  inbox: z.array(z.object({ title: z.string(), body: z.string(), createdAt: DateTimeSchema, readAt: DateTimeSchema.nullable() })),
  serviceRequests: z
    .array(
      z.object({
        id: IdSchema,
        category: ServiceCategorySchema,
        details: z.string(),
        contactName: z.string(),
        neededAt: DateTimeSchema.nullable(),
        state: ServiceRequestStateSchema,
        declineReason: z.string().nullable(),
        doneNote: z.string().nullable(),
        rating: z.number().int().nullable(),
        comment: z.string().nullable(),
        createdAt: DateTimeSchema,
      }),
    )
    .describe('Help I asked the community for (找社区帮忙), with its steps and my rating'),
  wishesClaimed: z
    .array(z.object({ id: IdSchema, title: z.string(), claimedAt: DateTimeSchema.nullable(), deliveredAt: DateTimeSchema.nullable() }))
    .describe('微心愿 I claimed myself (the person the wish is for is not mine to export)'),
});
export type MyDataExport = z.infer<typeof MyDataExportSchema>;

export const AccountDeletedSchema = z.object({
  ok: z.literal(true),
  /** What was removed and what stays, in plain Chinese, for the result screen. */
  summary: z.array(z.string()),
});
export type AccountDeleted = z.infer<typeof AccountDeletedSchema>;
