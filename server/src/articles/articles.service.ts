import { Injectable } from '@nestjs/common';
import type {
  ArticleDetail,
  ArticleListQuery,
  ArticleStatus,
  ArticleSummary,
  CreateArticle,
  Feed,
  FeedQuery,
  Page,
  UpdateArticle,
} from '@linli/shared';
import { AccessService } from '../access/access.service.js';
import { ActivitiesRepository } from '../activities/activities.repository.js';
import { shownToResidents } from '../activities/activity-rules.js';
import { toSummary } from '../activities/activity.mapper.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { cacheScope } from '../common/cache-invalidator.js';
import { JsonBody } from '../common/json-body.js';
import { CommunitiesRepository } from '../communities/communities.repository.js';
import { Database } from '../database/database.js';
import { ResidentCommunities } from '../residency/resident-communities.js';
import { textOf } from './article-html.js';
import { ArticleReadCache } from './article-read-cache.js';
import { ArticlesRepository, type ArticleRow, type NewArticle } from './articles.repository.js';
import { OwnImages } from '../uploads/own-images.js';
import { ReadCounter } from './read-counter.js';

/** MySQL's TEXT holds 65,535 bytes; a little room is kept. */
const MAX_BODY_BYTES = 65_000;
const FEED_SECTION = 5;
const CHINA_OFFSET_MS = 8 * 3600_000;

/** What every reader of an article shares (cached); `canManage` is added per caller. */
interface SharedArticle {
  detail: Omit<ArticleDetail, 'canManage'>;
  organisationId: number | null;
  /** The linked activity's community, whose activity writes change what the article shows. */
  activityCommunityId: number | null;
}

/** What a cached article was read from: its community's articles, and its linked activity's community's activities. */
function articleScopes({ article }: { article: SharedArticle | null }): string[] {
  if (!article) return [];
  const scopes = [cacheScope.articles(article.detail.communityId)];
  if (article.activityCommunityId !== null) scopes.push(cacheScope.activities(article.activityCommunityId));
  return scopes;
}

/** Writing, scheduling, publishing, withdrawing and reading articles, and the 首页 feed. */
@Injectable()
export class ArticlesService {
  constructor(
    private readonly db: Database,
    private readonly articles: ArticlesRepository,
    private readonly activities: ActivitiesRepository,
    private readonly cache: ArticleReadCache,
    private readonly images: OwnImages,
    private readonly readCounter: ReadCounter,
    private readonly access: AccessService,
    private readonly communities: CommunitiesRepository,
    private readonly residentCommunities: ResidentCommunities,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /** Serialised once per cached page: every resident of a community gets the same text. */
  async feed(auth: AuthContext, query: FeedQuery): Promise<JsonBody<Feed>> {
    const now = this.clock.now();
    const communityIds = await this.communitiesOf(auth, query.communityId);
    const key = JSON.stringify(['feed', communityIds, query.page, query.pageSize]);
    const scopes = communityIds.flatMap((c) => [cacheScope.articles(c), cacheScope.activities(c), cacheScope.polls(c)]);
    return this.cache.get(key, scopes, now, async () => {
      const [articles, total] = await this.articles.livePage(communityIds, { now, pinned: false, page: query.page, pageSize: query.pageSize });
      const page = { items: articles.map((a) => toArticleSummary(a, now)), total, page: query.page, pageSize: query.pageSize };
      if (query.page > 1) return new JsonBody<Feed>({ pinned: [], activities: [], polls: [], articles: page });
      const [[pinned], [upcoming], polls] = await Promise.all([
        this.articles.livePage(communityIds, { now, pinned: true, page: 1, pageSize: FEED_SECTION }),
        this.activities.page({ communityIds, range: 'upcoming', now, page: 1, pageSize: FEED_SECTION * 2 }),
        this.articles.openPolls(communityIds, now, FEED_SECTION),
      ]);
      const withSeats = upcoming
        .map((a) => toSummary(a, now))
        .filter((a) => a.seatState === 'open' || a.seatState === 'not_open' || a.seatState === 'waitlist')
        .slice(0, FEED_SECTION);
      return new JsonBody<Feed>({
        pinned: pinned.map((a) => toArticleSummary(a, now)),
        activities: withSeats,
        polls: polls.map((p) => ({ id: p.id, title: p.title, opensAt: p.opensAt.toISOString(), closesAt: p.closesAt.toISOString() })),
        articles: page,
      });
    });
  }

  async list(auth: AuthContext, query: ArticleListQuery): Promise<Page<ArticleSummary>> {
    const now = this.clock.now();
    const paging = { page: query.page, pageSize: query.pageSize };
    if (query.manage) {
      const only = (ids: Iterable<number>) => [...ids].filter((id) => query.communityId === undefined || id === query.communityId);
      const scope = await this.access.activityScope(auth);
      const [rows, total] = await this.articles.managedPage({
        communityIds: only(scope.communityIds),
        organisations: [...scope.organisations].map(([organisationId, served]) => ({ organisationId, communityIds: only(served) })),
        status: query.status,
        kind: query.kind,
        now,
        ...paging,
      });
      return { items: rows.map((a) => toArticleSummary(a, now)), total, ...paging };
    }
    const communityIds = await this.communitiesOf(auth, query.communityId);
    const key = JSON.stringify(['list', communityIds, query.kind ?? null, query.page, query.pageSize]);
    return this.cache.get(key, communityIds.map(cacheScope.articles), now, async () => {
      const [rows, total] = await this.articles.livePage(communityIds, { now, kind: query.kind, ...paging });
      return { items: rows.map((a) => toArticleSummary(a, now)), total, ...paging };
    });
  }

  /**
   * Anyone logged in may read a live article (it is shared into group chats); its managers also see it before
   * and after. A live read counts the reader once a day.
   */
  async get(auth: AuthContext, id: number): Promise<ArticleDetail> {
    const now = this.clock.now();
    const shared = await this.cache.get(`article|${id}`, articleScopes, now, async () => ({ article: await this.load(id, now) }));
    if (!shared.article) throw new AppError('ARTICLE_NOT_FOUND');
    const { detail, organisationId } = shared.article;
    const canManage = await this.access.canManageArticle(auth, { communityId: detail.communityId, organisationId });
    const live = detail.status === 'published';
    if (!live && !canManage) throw new AppError('ARTICLE_NOT_FOUND');
    if (live) this.countReader(id, auth.userId, now);
    return { ...detail, canManage };
  }

  /**
   * Once per reader and day: the article_read key decides, across server instances, and ReadCounter writes the
   * rows and the count in the background. This process also remembers who it already noted today, so opening an
   * article again adds nothing.
   */
  private countReader(articleId: number, userId: number, now: Date): void {
    const day = chinaDay(now);
    if (this.cache.firstRead(`${articleId}|${userId}|${day}`)) this.readCounter.read(articleId, userId, day, now);
  }

  /** My communities: the one I asked for, or where I am a verified resident (staff living elsewhere: where they work). */
  private async communitiesOf(auth: AuthContext, communityId: number | undefined): Promise<number[]> {
    if (communityId !== undefined) return [communityId];
    const homes = await this.residentCommunities.of(auth.userId);
    if (homes.length > 0 || auth.grants.length === 0) return homes;
    const scope = await this.access.activityScope(auth);
    const served = [...scope.organisations.values()].flatMap((ids) => [...ids]);
    return [...new Set([...scope.communityIds, ...served])].sort((a, b) => a - b);
  }

  async create(auth: AuthContext, input: CreateArticle): Promise<ArticleDetail> {
    if (!(await this.communities.findById(input.communityId))) throw new AppError('COMMUNITY_NOT_FOUND');
    const organisationId = await this.access.articleAuthor(auth, input.communityId);
    const fields = await this.checked(input, input.communityId);
    const id = await this.db.transaction(async () => {
      const articleId = await this.articles.insert({
        kind: input.kind,
        title: input.title,
        coverUrl: input.coverUrl,
        summary: input.summary,
        body: fields.body ?? '',
        activityId: input.activityId,
        pollId: input.pollId,
        pinned: input.pinned ? 1 : 0,
        communityId: input.communityId,
        organisationId,
        createdBy: auth.userId,
        status: 'draft',
        publishedAt: null,
        createdAt: this.clock.now(),
      });
      await this.audit.append({
        actorId: auth.userId,
        action: 'article.create',
        communityId: input.communityId,
        targetType: 'article',
        targetId: articleId,
        detail: { title: input.title, kind: input.kind },
      });
      return articleId;
    });
    return this.fresh(auth, id);
  }

  /** Changes only what is sent; an edit while live is shown to readers as 更新于. */
  async update(auth: AuthContext, id: number, input: UpdateArticle): Promise<ArticleDetail> {
    const article = await this.managed(auth, id);
    const now = this.clock.now();
    const fields: Partial<NewArticle> & { updatedAt?: Date } = await this.checked(input, article.communityId);
    for (const key of ['kind', 'title', 'coverUrl', 'summary', 'activityId', 'pollId'] as const) {
      if (input[key] !== undefined) (fields as Record<string, unknown>)[key] = input[key];
    }
    if (input.pinned !== undefined) fields.pinned = input.pinned ? 1 : 0;
    if (Object.keys(fields).length === 0) return this.fresh(auth, id);
    if (statusOf(article, now) === 'published') fields.updatedAt = wholeSecond(now);
    await this.db.transaction(async () => {
      await this.articles.update(id, fields);
      await this.audit.append({
        actorId: auth.userId,
        action: 'article.update',
        communityId: article.communityId,
        targetType: 'article',
        targetId: id,
        detail: { fields: Object.keys(fields) },
      });
    });
    return this.fresh(auth, id);
  }

  /** Now, or at `publishAt` (which must be in the future). */
  async publish(auth: AuthContext, id: number, publishAt: string | undefined): Promise<ArticleDetail> {
    const article = await this.managed(auth, id);
    const now = this.clock.now();
    // MySQL keeps whole seconds; rounding up could put "now" a moment into the future.
    const at = wholeSecond(publishAt === undefined ? now : new Date(publishAt));
    if (publishAt !== undefined && at.getTime() <= now.getTime()) throw new AppError('ARTICLE_SCHEDULE_IN_PAST');
    if (!textOf(article.body) && !article.body.includes('<img')) throw new AppError('ARTICLE_EMPTY');
    await this.db.transaction(async () => {
      if (!(await this.articles.publish(id, at, now))) throw new AppError('ARTICLE_ALREADY_PUBLISHED');
      await this.audit.append({
        actorId: auth.userId,
        action: 'article.publish',
        communityId: article.communityId,
        targetType: 'article',
        targetId: id,
        detail: { publishAt: at.toISOString(), scheduled: at.getTime() > now.getTime() },
      });
    });
    return this.fresh(auth, id);
  }

  async withdraw(auth: AuthContext, id: number): Promise<ArticleDetail> {
    const article = await this.managed(auth, id);
    await this.db.transaction(async () => {
      if (!(await this.articles.withdraw(id))) {
        throw new AppError(article.status === 'withdrawn' ? 'ARTICLE_ALREADY_WITHDRAWN' : 'ARTICLE_NOT_PUBLISHED');
      }
      await this.audit.append({
        actorId: auth.userId,
        action: 'article.withdraw',
        communityId: article.communityId,
        targetType: 'article',
        targetId: id,
      });
    });
    return this.fresh(auth, id);
  }

  /** The cover must be our own upload, links must point into the same community, the body is sanitised. */
  private async checked(input: UpdateArticle, communityId: number): Promise<{ body?: string }> {
    await this.images.assertOwn(input.coverUrl, 'ARTICLE_IMAGE_NOT_OURS');
    if (input.activityId) {
      const activity = await this.activities.findById(input.activityId);
      if (!activity || activity.communityId !== communityId) throw new AppError('ARTICLE_LINK_INVALID');
    }
    if (input.pollId && !(await this.articles.pollInCommunity(input.pollId, communityId))) throw new AppError('ARTICLE_LINK_INVALID');
    if (input.body === undefined) return {};
    return { body: await this.images.sanitize(input.body, { maxBytes: MAX_BODY_BYTES, tooLong: 'ARTICLE_BODY_TOO_LONG' }) };
  }

  private async managed(auth: AuthContext, id: number): Promise<ArticleRow> {
    const article = await this.articles.findById(id);
    if (!article) throw new AppError('ARTICLE_NOT_FOUND');
    if (!(await this.access.canManageArticle(auth, article))) throw new AppError('OUT_OF_SCOPE');
    return article;
  }

  /** After a write: read past the cache. */
  private async fresh(auth: AuthContext, id: number): Promise<ArticleDetail> {
    const shared = (await this.load(id, this.clock.now()))!;
    return { ...shared.detail, canManage: await this.access.canManageArticle(auth, { communityId: shared.detail.communityId, organisationId: shared.organisationId }) };
  }

  private async load(id: number, now: Date): Promise<SharedArticle | null> {
    const a = await this.articles.findById(id);
    if (!a) return null;
    const activity = a.activityId === null ? null : await this.activities.findById(a.activityId);
    return {
      organisationId: a.organisationId,
      activityCommunityId: activity?.communityId ?? null,
      detail: {
        ...toArticleSummary(a, now),
        body: a.body,
        author: a.organisationName ?? `${a.communityName}居委会`,
        activity: activity && shownToResidents(activity) ? toSummary(activity, now) : null,
      },
    };
  }
}

export function statusOf(a: Pick<ArticleRow, 'status' | 'publishedAt'>, now: Date): ArticleStatus {
  if (a.status === 'scheduled' && a.publishedAt && a.publishedAt.getTime() <= now.getTime()) return 'published';
  return a.status;
}

export function toArticleSummary(a: ArticleRow, now: Date): ArticleSummary {
  return {
    id: a.id,
    communityId: a.communityId,
    communityName: a.communityName,
    kind: a.kind,
    title: a.title,
    coverUrl: a.coverUrl,
    summary: a.summary,
    pinned: Number(a.pinned) === 1,
    status: statusOf(a, now),
    publishedAt: a.publishedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt?.toISOString() ?? null,
    readCount: Number(a.readCount),
    activityId: a.activityId === null ? null : Number(a.activityId),
    pollId: a.pollId === null ? null : Number(a.pollId),
  };
}

function wholeSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** The calendar day in China, which is when "once a day" turns over for residents. */
function chinaDay(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
