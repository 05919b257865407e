import { z } from 'zod';
import { CompanionSchema } from './activities.js';
import { IdSchema } from './common.js';

/** How this server checks what users write: the local keyword list alone, or also WeChat's content security check. */
export const ContentCheckModeSchema = z.enum(['local', 'local+wechat']);
export type ContentCheckMode = z.infer<typeof ContentCheckModeSchema>;

/** A sign-up whose answers or companion names the content check wants a staff member to look at. */
export const HeldSignupSchema = z.object({
  signupId: IdSchema,
  activity: z.object({ id: IdSchema, title: z.string() }),
  nickname: z.string(),
  companions: z.array(CompanionSchema),
  /** The typed-in answers, with their questions. */
  answers: z.array(z.object({ question: z.string(), answer: z.string() })),
});
export type HeldSignup = z.infer<typeof HeldSignupSchema>;

/** An opinion held from the results; the ballot id is random and names no voter, so moderating keeps the ballot secret. */
export const HeldOpinionSchema = z.object({
  poll: z.object({ id: IdSchema, title: z.string() }),
  ballotId: z.string(),
  opinion: z.string(),
});
export type HeldOpinion = z.infer<typeof HeldOpinionSchema>;

/** A resident's new nickname held for review; until it is approved others see the current one. */
export const HeldNicknameSchema = z.object({
  userId: IdSchema,
  nickname: z.string(),
  pendingNickname: z.string(),
});
export type HeldNickname = z.infer<typeof HeldNicknameSchema>;

export const HeldContentSchema = z.object({
  /** Shown to staff, so a server without WeChat says plainly that only the keyword list checks texts. */
  checks: ContentCheckModeSchema,
  signups: z.array(HeldSignupSchema),
  opinions: z.array(HeldOpinionSchema),
  /** Of residents of the community, or who claimed a home in it. */
  nicknames: z.array(HeldNicknameSchema),
});
export type HeldContent = z.infer<typeof HeldContentSchema>;

/**
 * Approve: shown as written. Reject: the texts are removed (the sign-up keeps its place, the ballot stays counted,
 * the resident keeps the nickname they had). A nickname is decided by its words, so a newer one is never approved
 * unseen.
 */
export const HeldContentDecisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('signup'), signupId: IdSchema, approve: z.boolean() }).strict(),
  z.object({ kind: z.literal('opinion'), pollId: IdSchema, ballotId: z.string().min(1).max(32), approve: z.boolean() }).strict(),
  z.object({ kind: z.literal('nickname'), userId: IdSchema, pendingNickname: z.string().min(1).max(32), approve: z.boolean() }).strict(),
]);
export type HeldContentDecision = z.infer<typeof HeldContentDecisionSchema>;

export const HeldContentDecidedSchema = z.object({ approved: z.boolean() });
