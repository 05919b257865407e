import { z } from 'zod';
import { InvitableRoleSchema, RoleSchema, ScopeKindSchema } from '../enums.js';
import { DateTimeSchema, IdParamSchema, IdSchema, PageQuerySchema, pageOf } from './common.js';

/** Invite codes avoid characters that read alike (0/O, 1/l/I): an older person types them from a phone screen. */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 6;
export const InviteCodeSchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${INVITE_CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`), '邀请码是6位字母或数字'));
export const InviteCodeParamsSchema = z.object({ code: InviteCodeSchema });

export const CreateInviteSchema = z
  .object({
    role: InvitableRoleSchema,
    /** The street, community or organisation (team) the role is held in; which one follows from the role. */
    scopeId: IdSchema,
    expiresInDays: z.number().int().min(1).max(30).default(7),
  })
  .strict();
export type CreateInvite = z.infer<typeof CreateInviteSchema>;

export const GrantScopeRefSchema = z.object({
  kind: ScopeKindSchema,
  id: IdSchema.nullable(),
  name: z.string().nullable(),
  streetName: z.string().nullable(),
});
export type GrantScopeRef = z.infer<typeof GrantScopeRefSchema>;

/** What an invite is, for the accept page: no one's personal data beyond the inviter's nickname. */
export const InviteViewSchema = z.object({
  code: z.string(),
  role: RoleSchema,
  scope: GrantScopeRefSchema,
  inviterName: z.string().nullable(),
  expiresAt: DateTimeSchema,
});
export type InviteView = z.infer<typeof InviteViewSchema>;

/** A new invite, for the inviter to show: the code to type, and the page a scan opens. */
export const CreatedInviteSchema = InviteViewSchema.extend({
  /** The mini-program page that accepts it, and its `scene` (`i=<code>`). */
  page: z.string(),
  scene: z.string(),
  /** A mini-program code (data URL) when WeChat is configured; null: show a plain QR of `scene`. */
  image: z.string().nullable(),
});
export type CreatedInvite = z.infer<typeof CreatedInviteSchema>;

export const GrantSchema = z.object({
  id: IdSchema,
  userId: IdSchema,
  nickname: z.string(),
  role: RoleSchema,
  scope: GrantScopeRefSchema,
});
export type Grant = z.infer<typeof GrantSchema>;
export const GrantPageSchema = pageOf(GrantSchema);

export const GrantQuerySchema = PageQuerySchema.extend({
  role: RoleSchema.optional(),
});
export type GrantQuery = z.infer<typeof GrantQuerySchema>;

const DateSchema = z.iso.date();

export const AuditLogQuerySchema = PageQuerySchema.extend({
  actorId: IdParamSchema.optional(),
  action: z.string().trim().min(1).max(64).optional(),
  targetType: z.string().trim().min(1).max(32).optional(),
  targetId: IdParamSchema.optional(),
  communityId: IdParamSchema.optional(),
  /** Calendar days in China time, both included. */
  from: DateSchema.optional(),
  to: DateSchema.optional(),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuerySchema>;

export const AuditLogEntrySchema = z.object({
  id: IdSchema,
  createdAt: DateTimeSchema,
  actorId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  communityId: IdSchema.nullable(),
  communityName: z.string().nullable(),
  targetType: z.string(),
  targetId: z.number().int().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditLogEntry = z.infer<typeof AuditLogEntrySchema>;
export const AuditLogPageSchema = pageOf(AuditLogEntrySchema);
