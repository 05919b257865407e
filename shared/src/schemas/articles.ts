import { z } from 'zod';
import { ActivitySummarySchema } from './activities.js';
import { DateTimeSchema, IdParamSchema, IdSchema, PageQuerySchema, pageOf, text } from './common.js';
import { ImageUrlSchema } from './uploads.js';

export const ArticleKindSchema = z.enum(['preview', 'review', 'notice', 'policy']);
export type ArticleKind = z.infer<typeof ArticleKindSchema>;
export const articleKindLabels: Record<ArticleKind, string> = {
  preview: '活动预告',
  review: '活动回顾',
  notice: '通知公告',
  policy: '政策解读',
};

/**
 * draft → scheduled (goes live at `publishedAt`) → published → withdrawn. A scheduled article whose time has
 * come reads as published everywhere: the status is decided when it is read, so no job has to run.
 */
export const ArticleStatusSchema = z.enum(['draft', 'scheduled', 'published', 'withdrawn']);
export type ArticleStatus = z.infer<typeof ArticleStatusSchema>;
export const articleStatusLabels: Record<ArticleStatus, string> = {
  draft: '草稿',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤回',
};

/** The HTML a body may use; the server sanitises whatever arrives down to this. */
export const articleBodyLimits = { maxChars: 100_000 } as const;

const articleFields = {
  kind: ArticleKindSchema,
  title: text(60),
  /** An image from Linli's own storage (`POST /api/uploads`), or null. */
  coverUrl: ImageUrlSchema.nullable().default(null),
  summary: z.string().trim().max(200).default(''),
  /** Rich text as HTML: headings, paragraphs, bold, lists, links and images from Linli's storage. Sanitised. */
  body: z.string().max(articleBodyLimits.maxChars * 2).default(''),
  activityId: IdSchema.nullable().default(null),
  pollId: IdSchema.nullable().default(null),
  pinned: z.boolean().default(false),
};

export const CreateArticleSchema = z.object({ communityId: IdSchema, ...articleFields });
export type CreateArticle = z.infer<typeof CreateArticleSchema>;

/** An edit changes only what it sends. */
export const UpdateArticleSchema = z
  .object({
    kind: ArticleKindSchema,
    title: text(60),
    coverUrl: ImageUrlSchema.nullable(),
    summary: z.string().trim().max(200),
    body: z.string().max(articleBodyLimits.maxChars * 2),
    activityId: IdSchema.nullable(),
    pollId: IdSchema.nullable(),
    pinned: z.boolean(),
  })
  .partial();
export type UpdateArticle = z.infer<typeof UpdateArticleSchema>;

export const PublishArticleSchema = z.object({
  /** Left out: publish now. In the future: scheduled until then. */
  publishAt: DateTimeSchema.optional(),
});

export const ArticleSummarySchema = z.object({
  id: IdSchema,
  communityId: IdSchema,
  communityName: z.string(),
  kind: ArticleKindSchema,
  title: z.string(),
  coverUrl: z.string().nullable(),
  summary: z.string(),
  pinned: z.boolean(),
  status: ArticleStatusSchema,
  /** When it went (or goes) live; null for a draft. */
  publishedAt: DateTimeSchema.nullable(),
  /** Set when it was edited after going live: shown as 更新于. */
  updatedAt: DateTimeSchema.nullable(),
  /** Readers, each counted once a day. */
  readCount: z.number().int().nonnegative(),
  activityId: IdSchema.nullable(),
  pollId: IdSchema.nullable(),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export const ArticleDetailSchema = ArticleSummarySchema.extend({
  /** Sanitised HTML. */
  body: z.string(),
  author: z.string(),
  /** The linked activity, when it is visible to residents (not a draft). */
  activity: ActivitySummarySchema.nullable(),
  canManage: z.boolean(),
});
export type ArticleDetail = z.infer<typeof ArticleDetailSchema>;

export const ArticleListQuerySchema = PageQuerySchema.extend({
  communityId: IdParamSchema.optional(),
  kind: ArticleKindSchema.optional(),
  /** Staff view: every article of the communities I manage, drafts, scheduled and withdrawn included. */
  manage: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
  status: ArticleStatusSchema.optional(),
});
export type ArticleListQuery = z.infer<typeof ArticleListQuerySchema>;
export const ArticlePageSchema = pageOf(ArticleSummarySchema);

export const ArticleIdParamsSchema = z.object({ id: IdParamSchema });

export const FeedQuerySchema = PageQuerySchema.extend({ communityId: IdParamSchema.optional() });
export type FeedQuery = z.infer<typeof FeedQuerySchema>;

export const FeedPollSchema = z.object({
  id: IdSchema,
  title: z.string(),
  opensAt: DateTimeSchema,
  closesAt: DateTimeSchema,
});

/**
 * 首页: one feed for my community. Page 1 carries every section; later pages carry only more of the latest
 * articles (pinned ones are not repeated there).
 */
export const FeedSchema = z.object({
  pinned: z.array(ArticleSummarySchema),
  /** Upcoming published activities that still take sign-ups, soonest first (at most 5). */
  activities: z.array(ActivitySummarySchema),
  /** Consultations open for voting now, closing soonest first (at most 5). */
  polls: z.array(FeedPollSchema),
  articles: ArticlePageSchema,
});
export type Feed = z.infer<typeof FeedSchema>;
