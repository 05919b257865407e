import { z } from 'zod';
import { DateTimeSchema, IdSchema, pageOf } from './common.js';

/**
 * The WeChat subscribe-message templates Linli sends, by key. Each key's template id is configured on the
 * server (WECHAT_TEMPLATE_<KEY>); the fields each template must have are listed in the README.
 */
export const SubscribeTemplateKeySchema = z.enum([
  'signup_result',
  'waitlist_offer',
  'activity_reminder',
  'activity_changed',
  'consultation_opened',
  'consultation_result',
  'service_request',
]);
export type SubscribeTemplateKey = z.infer<typeof SubscribeTemplateKeySchema>;

export const SubscribeTemplateSchema = z.object({
  key: SubscribeTemplateKeySchema,
  templateId: z.string(),
});
/** The templates the miniapp may ask for. Empty (and `enabled` false) when WeChat messages are not set up. */
export const SubscribeTemplatesSchema = z.object({
  enabled: z.boolean(),
  templates: z.array(SubscribeTemplateSchema),
});
export type SubscribeTemplates = z.infer<typeof SubscribeTemplatesSchema>;

/** What `wx.requestSubscribeMessage` answered for one template. Only `accept` grants a message. */
export const SubscribeResultSchema = z.enum(['accept', 'reject', 'ban', 'filter']);
export type SubscribeResult = z.infer<typeof SubscribeResultSchema>;

export const RecordSubscriptionsSchema = z.object({
  results: z
    .array(z.object({ key: SubscribeTemplateKeySchema, result: SubscribeResultSchema }))
    .min(1)
    .max(SubscribeTemplateKeySchema.options.length),
});
export type RecordSubscriptions = z.infer<typeof RecordSubscriptionsSchema>;

/** How many one-time messages of each template the user has left (each accept adds one, each send spends one). */
export const SubscriptionBalanceSchema = z.object({
  remaining: z.array(z.object({ key: SubscribeTemplateKeySchema, count: z.number().int().nonnegative() })),
});
export type SubscriptionBalance = z.infer<typeof SubscriptionBalanceSchema>;

/**
 * uncertain: the request may have reached WeChat but no answer came (the connection dropped, timed out, or the
 * server stopped mid-send). WeChat's send takes no idempotency key, so it is not sent again; its consent is spent.
 */
export const WechatSendStatusSchema = z.enum(['pending', 'sending', 'sent', 'failed', 'uncertain']);
export type WechatSendStatus = z.infer<typeof WechatSendStatusSchema>;

/** A WeChat message that could not be delivered, or may not have been, for staff (the inbox copy always exists). */
export const FailedWechatSendSchema = z.object({
  id: IdSchema,
  /** failed: not delivered. uncertain: 可能已发送，未确认 (not sent again, so it never arrives twice). */
  status: z.enum(['failed', 'uncertain']),
  key: SubscribeTemplateKeySchema,
  userId: IdSchema,
  nickname: z.string(),
  activityId: IdSchema.nullable(),
  pollId: IdSchema.nullable(),
  /** The message's subject (its first field). */
  subject: z.string(),
  attempts: z.number().int().nonnegative(),
  /** WeChat's errcode, or null for a timeout or network failure. */
  errcode: z.number().int().nullable(),
  /** Why, in plain Chinese. */
  reason: z.string(),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
});
export type FailedWechatSend = z.infer<typeof FailedWechatSendSchema>;
export const FailedWechatSendPageSchema = pageOf(FailedWechatSendSchema);
