import { Injectable } from '@nestjs/common';
import type { ArticleKind, ArticleStatus } from '@linli/shared';
import { Brackets, type EntityManager } from 'typeorm';
import { CacheInvalidator, cacheScope } from '../common/cache-invalidator.js';
import { Database } from '../database/database.js';
import { Article } from './article.entity.js';

export type NewArticle = Omit<Article, 'id' | 'community' | 'organisation' | 'readCount' | 'updatedAt'>;

/** An article row with its community's and organisation's names, as the lists read it. */
export type ArticleRow = Article & { communityName: string; organisationName: string | null };

export interface ManagedArticleFilter {
  communityIds: number[];
  organisations: { organisationId: number; communityIds: number[] }[];
  status?: ArticleStatus;
  kind?: ArticleKind;
  now: Date;
  page: number;
  pageSize: number;
}

/** Live: published, or scheduled and its time has come. */
const LIVE = "(a.`status` = 'published' OR (a.`status` = 'scheduled' AND a.`publishedAt` <= ?))";
const SUMMARY_COLUMNS =
  'a.`id`, a.`communityId`, a.`organisationId`, a.`kind`, a.`title`, a.`coverUrl`, a.`summary`, a.`activityId`, a.`pollId`, ' +
  'a.`pinned`, a.`status`, a.`publishedAt`, a.`updatedAt`, a.`readCount`, a.`createdAt`, c.`name` AS communityName';

/**
 * Article rows and their read counts. Residents' reads are plain SQL (they are the hot path); every write goes
 * through `write`, which marks the article's community for the caches once it commits (CacheInvalidator). Read
 * counts mark nothing: they ride the caches' TTL.
 */
@Injectable()
export class ArticlesRepository {
  constructor(
    private readonly db: Database,
    private readonly invalidator: CacheInvalidator,
  ) {}

  /**
   * Runs `work` on article `id`; when it changed the row (`work` answers how many rows it changed), the article's
   * community (and `movedTo`, if it moved) is read afresh by the caches once the transaction commits.
   */
  private write(id: number, work: (em: EntityManager) => Promise<number | undefined>, movedTo?: number): Promise<boolean> {
    return this.db.run(async (em) => {
      if (!(await work(em))) return false;
      const [row] = await em.query<{ communityId: number | string }[]>('SELECT `communityId` FROM `article` WHERE `id` = ?', [id]);
      const communities = new Set([...(row ? [Number(row.communityId)] : []), ...(movedTo === undefined ? [] : [movedTo])]);
      this.invalidator.changed(...[...communities].map(cacheScope.articles));
      return true;
    });
  }

  insert(article: NewArticle): Promise<number> {
    return this.db.run(async (em) => {
      const result = await em.insert(Article, { ...article, readCount: 0, updatedAt: null });
      this.invalidator.changed(cacheScope.articles(article.communityId));
      return result.identifiers[0].id as number;
    });
  }

  async findById(id: number): Promise<ArticleRow | null> {
    const [row] = await this.db.rows(
      Article,
      'SELECT a.*, c.`name` AS communityName, o.`name` AS organisationName FROM `article` a ' +
        'JOIN `community` c ON c.`id` = a.`communityId` LEFT JOIN `organisation` o ON o.`id` = a.`organisationId` WHERE a.`id` = ?',
      [id],
    );
    return row ? named(row) : null;
  }

  async update(id: number, fields: Partial<NewArticle> & { updatedAt?: Date }): Promise<void> {
    // Marked before and after: an article moved to another community leaves the old one's pages too.
    const [before] = await this.db.rawQuery<{ communityId: number | string }>('SELECT `communityId` FROM `article` WHERE `id` = ?', [id]);
    await this.write(id, async (em) => (await em.update(Article, { id }, fields)).affected, before ? Number(before.communityId) : undefined);
  }

  /**
   * Goes live at `at` (now, or later as scheduled) from a draft, a withdrawn article, or a scheduled one whose
   * time has not come (rescheduling). False when it is live already.
   */
  publish(id: number, at: Date, now: Date): Promise<boolean> {
    const status = at.getTime() <= now.getTime() ? 'published' : 'scheduled';
    return this.conditional(id, { status, publishedAt: at }, "(status IN ('draft', 'withdrawn') OR (status = 'scheduled' AND publishedAt > :now))", { now });
  }

  /** Takes a live or scheduled article down; false when it was a draft or withdrawn already. */
  withdraw(id: number): Promise<boolean> {
    return this.conditional(id, { status: 'withdrawn' }, "status IN ('published', 'scheduled')", {});
  }

  private conditional(id: number, set: Partial<Article>, condition: string, params: Record<string, unknown>): Promise<boolean> {
    return this.write(id, async (em) => (await em.createQueryBuilder().update(Article).set(set).where(`id = :id AND ${condition}`, { id, ...params }).execute()).affected);
  }

  /** Live articles of these communities, newest first, with the total in the same round trip. */
  async livePage(
    communityIds: number[],
    options: { now: Date; pinned?: boolean; kind?: ArticleKind; page: number; pageSize: number },
  ): Promise<[ArticleRow[], number]> {
    if (communityIds.length === 0) return [[], 0];
    const now = this.dateParam(options.now);
    const where = [`a.\`communityId\` IN (${communityIds.map(() => '?').join(', ')})`, LIVE];
    const params: unknown[] = [...communityIds, now];
    if (options.pinned !== undefined) {
      where.push('a.`pinned` = ?');
      params.push(options.pinned ? 1 : 0);
    }
    if (options.kind) {
      where.push('a.`kind` = ?');
      params.push(options.kind);
    }
    const rows = await this.db.rows(
      Article,
      `SELECT ${SUMMARY_COLUMNS}, COUNT(*) OVER () AS total FROM \`article\` a JOIN \`community\` c ON c.\`id\` = a.\`communityId\` ` +
        `WHERE ${where.join(' AND ')} ORDER BY a.\`publishedAt\` DESC, a.\`id\` DESC LIMIT ? OFFSET ?`,
      [...params, options.pageSize, (options.page - 1) * options.pageSize],
    );
    if (rows.length > 0) return [rows.map(named), Number(rows[0].total)];
    if (options.page === 1) return [[], 0];
    const [count] = await this.db.rawQuery<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM \`article\` a WHERE ${where.join(' AND ')}`,
      params,
    );
    return [[], Number(count.n)];
  }

  /** Staff view: every article in their scope (the committee's whole communities; their organisation's own articles). */
  managedPage(filter: ManagedArticleFilter): Promise<[ArticleRow[], number]> {
    return this.db.run(async (em) => {
      const q = em
        .createQueryBuilder(Article, 'a')
        .innerJoinAndSelect('a.community', 'c')
        .leftJoinAndSelect('a.organisation', 'o')
        .where(
          new Brackets((w) => {
            w.where('1 = 0');
            if (filter.communityIds.length) w.orWhere('a.communityId IN (:...managedIds)', { managedIds: filter.communityIds });
            filter.organisations.forEach((o, i) => {
              if (o.communityIds.length === 0) return;
              w.orWhere(`(a.organisationId = :org${i} AND a.communityId IN (:...orgCommunities${i}))`, {
                [`org${i}`]: o.organisationId,
                [`orgCommunities${i}`]: o.communityIds,
              });
            });
          }),
        );
      if (filter.kind) q.andWhere('a.kind = :kind', { kind: filter.kind });
      if (filter.status === 'draft' || filter.status === 'withdrawn') q.andWhere('a.status = :status', { status: filter.status });
      if (filter.status === 'scheduled') q.andWhere("a.status = 'scheduled' AND a.publishedAt > :now", { now: filter.now });
      if (filter.status === 'published') {
        q.andWhere("(a.status = 'published' OR (a.status = 'scheduled' AND a.publishedAt <= :now))", { now: filter.now });
      }
      const [articles, total] = await q
        .orderBy('a.id', 'DESC')
        .skip((filter.page - 1) * filter.pageSize)
        .take(filter.pageSize)
        .getManyAndCount();
      return [
        articles.map((a) => Object.assign(a, { communityName: a.community.name, organisationName: a.organisation?.name ?? null })),
        total,
      ];
    });
  }

  /** Records that users read articles on a day; a repeat of (article, user, day) changes nothing (the primary key). */
  async recordReads(reads: { articleId: number; userId: number; day: string; at: Date }[]): Promise<void> {
    if (reads.length === 0) return;
    const insert = this.db.kind === 'mysql' ? 'INSERT IGNORE' : 'INSERT OR IGNORE';
    await this.db.rawQuery(
      `${insert} INTO \`article_read\` (\`articleId\`, \`userId\`, \`day\`, \`createdAt\`) VALUES ${reads.map(() => '(?, ?, ?, ?)').join(', ')}`,
      reads.flatMap((r) => [r.articleId, r.userId, r.day, this.dateParam(r.at)]),
    );
  }

  /** Sets each article's read count to its number of read rows: exact, and right again after any crash. */
  async recountReads(articleIds: number[]): Promise<void> {
    if (articleIds.length === 0) return;
    await this.db.rawQuery(
      'UPDATE `article` SET `readCount` = (SELECT COUNT(*) FROM `article_read` r WHERE r.`articleId` = `article`.`id`) ' +
        `WHERE \`id\` IN (${articleIds.map(() => '?').join(', ')})`,
      articleIds,
    );
  }

  /** Open consultations of these communities, closing soonest first. Only the poll row is read: the feed links by id. */
  async openPolls(communityIds: number[], now: Date, limit: number): Promise<{ id: number; title: string; opensAt: Date; closesAt: Date }[]> {
    if (communityIds.length === 0) return [];
    const at = this.dateParam(now);
    const rows = await this.db.rawQuery<{ id: number; title: string; opensAt: Date | string; closesAt: Date | string }>(
      `SELECT \`id\`, \`title\`, \`opensAt\`, \`closesAt\` FROM \`poll\` WHERE \`communityId\` IN (${communityIds.map(() => '?').join(', ')}) ` +
        "AND `status` = 'open' AND `opensAt` <= ? AND `closesAt` > ? ORDER BY `closesAt` ASC, `id` DESC LIMIT ?",
      [...communityIds, at, at, limit],
    );
    return rows.map((r) => ({ id: Number(r.id), title: r.title, opensAt: this.dateOf(r.opensAt), closesAt: this.dateOf(r.closesAt) }));
  }

  /** Whether a poll of this community exists (a link target). */
  async pollInCommunity(pollId: number, communityId: number): Promise<boolean> {
    const rows = await this.db.rawQuery('SELECT `id` FROM `poll` WHERE `id` = ? AND `communityId` = ?', [pollId, communityId]);
    return rows.length > 0;
  }

  /** A datetime parameter as TypeORM stores the column: a Date for MySQL (mysql2 writes UTC), UTC text for SQLite. */
  private dateParam(date: Date): Date | string {
    return this.db.kind === 'mysql' ? date : date.toISOString().replace('T', ' ').replace('Z', '');
  }

  private dateOf(value: Date | string): Date {
    return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
  }
}

function named(row: Article & Record<string, unknown>): ArticleRow {
  return Object.assign(row, {
    communityName: String(row.communityName),
    organisationName: row.organisationName === null || row.organisationName === undefined ? null : String(row.organisationName),
  });
}
