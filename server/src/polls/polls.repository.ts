import { Injectable } from '@nestjs/common';
import type { PollQuestionInput } from '@linli/shared';
import { Brackets, type EntityManager } from 'typeorm';
import { CacheInvalidator, cacheScope } from '../common/cache-invalidator.js';
import { Database } from '../database/database.js';
import { PollOption } from './poll-option.entity.js';
import { PollQuestion } from './poll-question.entity.js';
import type { PollShape } from './poll-rules.js';
import { Poll } from './poll.entity.js';

export type NewPoll = Omit<Poll, 'id' | 'community' | 'publishedAt' | 'publicationStatement' | 'publicationResults'>;

export interface PollFilter {
  communityIds: number[];
  /** Staff view: drafts included. */
  includeDrafts: boolean;
  state: 'open' | 'closed' | 'all';
  now: Date;
  page: number;
  pageSize: number;
}

/**
 * Polls, their questions and options. Status changes are conditional UPDATEs: `false` means nothing changed.
 * A write that changed a poll row marks the poll and its community's consultations for the caches once it
 * commits (CacheInvalidator: the results, the feed's open consultations); ballots mark nothing.
 */
@Injectable()
export class PollsRepository {
  constructor(
    private readonly db: Database,
    private readonly invalidator: CacheInvalidator,
  ) {}

  /** Runs `work` on poll `id` (it answers how many rows it changed) and marks what changed, if anything did. */
  private write(id: number, work: (em: EntityManager) => Promise<number | undefined>): Promise<boolean> {
    return this.db.run(async (em) => {
      if (!(await work(em))) return false;
      const [row] = await em.query<{ communityId: number | string }[]>('SELECT `communityId` FROM `poll` WHERE `id` = ?', [id]);
      this.invalidator.changed(cacheScope.poll(id), ...(row ? [cacheScope.polls(Number(row.communityId))] : []));
      return true;
    });
  }

  insert(poll: NewPoll): Promise<number> {
    return this.db.run(async (em) => {
      const result = await em.insert(Poll, { ...poll, publishedAt: null, publicationStatement: null, publicationResults: null });
      return result.identifiers[0].id as number;
    });
  }

  /** Replaces a draft's questions and options (ids are new each time). */
  replaceQuestions(pollId: number, questions: PollQuestionInput[]): Promise<void> {
    return this.db.run(async (em) => {
      await em.delete(PollOption, { pollId });
      await em.delete(PollQuestion, { pollId });
      let position = 0;
      for (const [i, q] of questions.entries()) {
        const inserted = await em.insert(PollQuestion, {
          pollId,
          position: i,
          title: q.title,
          kind: q.kind,
          minChoices: q.minChoices,
          maxChoices: q.maxChoices,
        });
        const questionId = inserted.identifiers[0].id as number;
        await em.insert(
          PollOption,
          q.options.map((o) => ({ pollId, questionId, position: position++, label: o.label, description: o.description })),
        );
      }
    });
  }

  findById(id: number): Promise<Poll | null> {
    return this.db.run((em) => em.createQueryBuilder(Poll, 'p').innerJoinAndSelect('p.community', 'c').where('p.id = :id', { id }).getOne());
  }

  /** The questions with their options, in order. */
  shape(pollId: number): Promise<PollShape & { descriptions: Map<number, string> }> {
    return this.db.run(async (em) => {
      const [questions, options] = await Promise.all([
        em.find(PollQuestion, { where: { pollId }, order: { position: 'ASC' } }),
        em.find(PollOption, { where: { pollId }, order: { position: 'ASC' } }),
      ]);
      return {
        questions: questions.map((q) => ({
          id: q.id,
          title: q.title,
          kind: q.kind,
          minChoices: q.minChoices,
          maxChoices: q.maxChoices,
          options: options.filter((o) => o.questionId === q.id).map((o) => ({ id: o.id, label: o.label })),
        })),
        descriptions: new Map(options.map((o) => [o.id, o.description])),
      };
    });
  }

  /** The poll row alone (no relations), read fresh. */
  state(id: number): Promise<Poll | null> {
    return this.db.run((em) => em.findOneBy(Poll, { id }));
  }

  page(filter: PollFilter): Promise<[Poll[], number]> {
    return this.db.run((em) => {
      const q = em.createQueryBuilder(Poll, 'p').leftJoinAndSelect('p.community', 'c');
      q.where(filter.communityIds.length ? 'p.communityId IN (:...ids)' : '1 = 0', { ids: filter.communityIds });
      if (!filter.includeDrafts) q.andWhere("p.status <> 'draft'");
      const now = filter.now;
      if (filter.state === 'open') q.andWhere("p.status = 'open' AND p.closesAt > :now", { now });
      if (filter.state === 'closed') {
        q.andWhere(new Brackets((w) => w.where("p.status = 'closed'").orWhere("p.status = 'open' AND p.closesAt <= :now", { now })));
      }
      // Open ones closing soonest first; closed ones most recent first.
      return q
        .orderBy('p.closesAt', filter.state === 'open' ? 'ASC' : 'DESC')
        .addOrderBy('p.id', 'DESC')
        .skip((filter.page - 1) * filter.pageSize)
        .take(filter.pageSize)
        .getManyAndCount();
    });
  }

  async update(id: number, fields: Partial<NewPoll>): Promise<void> {
    await this.write(id, async (em) => (await em.update(Poll, { id }, fields)).affected);
  }

  /** Edits a draft; false when it is not a draft any more. */
  updateDraft(id: number, fields: Partial<NewPoll>): Promise<boolean> {
    if (Object.keys(fields).length === 0) return this.conditional(id, { status: 'draft' }, "status = 'draft'");
    return this.conditional(id, fields, "status = 'draft'");
  }

  /** draft → open; false when it was not a draft any more. */
  open(id: number): Promise<boolean> {
    return this.conditional(id, { status: 'open' }, "status = 'draft'");
  }

  /** Closes early: closesAt becomes now. False when it was not open (or had already closed by time). */
  close(id: number, now: Date): Promise<boolean> {
    return this.conditional(id, { status: 'closed', closesAt: now }, "status = 'open' AND closesAt > :now", { now });
  }

  /** Publishes the result notice once, after closing; false when not closed or already published. */
  publish(id: number, now: Date, statement: string): Promise<boolean> {
    return this.conditional(
      id,
      { publishedAt: now, publicationStatement: statement },
      "publishedAt IS NULL AND (status = 'closed' OR (status = 'open' AND closesAt <= :now))",
      { now },
    );
  }

  private conditional(id: number, set: Partial<Poll>, condition: string, params: Record<string, unknown> = {}): Promise<boolean> {
    return this.write(id, async (em) => (await em.createQueryBuilder().update(Poll).set(set).where(`id = :id AND ${condition}`, { id, ...params }).execute()).affected);
  }
}
