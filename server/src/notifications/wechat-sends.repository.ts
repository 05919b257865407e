import { Injectable } from '@nestjs/common';
import type { SubscribeTemplateKey } from '@linli/shared';
import { In, MoreThan, type EntityManager } from 'typeorm';
import { Activity } from '../activities/activity.entity.js';
import { Database } from '../database/database.js';
import { Poll } from '../polls/poll.entity.js';
import { User } from '../users/user.entity.js';
import { SubscribeConsent } from './subscribe-consent.entity.js';
import type { MessageSubject } from './subscribe-templates.js';
import { WechatSend } from './wechat-send.entity.js';

/** No one needs more than this many unspent acceptances of one template. */
export const MAX_REMAINING = 50;

export type NewWechatSend = Pick<WechatSend, 'userId' | 'templateKey' | 'templateId' | 'page' | 'data' | 'activityId' | 'pollId' | 'communityId'>;

/** Subscribe consents and the WeChat messages sent on them. */
@Injectable()
export class WechatSendsRepository {
  constructor(private readonly db: Database) {}

  /** One more message allowed for each key (up to MAX_REMAINING), in the caller's transaction. */
  async addAccepts(userId: number, keys: SubscribeTemplateKey[], at: Date): Promise<void> {
    for (const templateKey of keys) {
      const existing = await this.db.run((em) => em.findOne(SubscribeConsent, { where: { userId, templateKey }, lock: this.lock(em) }));
      if (existing) {
        await this.db.run((em) =>
          em.update(SubscribeConsent, { id: existing.id }, { remaining: Math.min(existing.remaining + 1, MAX_REMAINING), updatedAt: at }),
        );
      } else {
        await this.db.run((em) => em.insert(SubscribeConsent, { userId, templateKey, remaining: 1, updatedAt: at }));
      }
    }
  }

  async balance(userId: number): Promise<SubscribeConsent[]> {
    return this.db.run((em) => em.find(SubscribeConsent, { where: { userId }, order: { templateKey: 'ASC' } }));
  }

  /**
   * Spends one acceptance of `key` for each of `userIds` that has one left, in the caller's transaction;
   * answers those users.
   */
  async spend(userIds: number[], templateKey: SubscribeTemplateKey, at: Date): Promise<number[]> {
    const spent: number[] = [];
    for (let i = 0; i < userIds.length; i += 500) {
      const chunk = userIds.slice(i, i + 500);
      const rows = await this.db.run((em) =>
        em.find(SubscribeConsent, {
          select: { id: true, userId: true },
          where: { userId: In(chunk), templateKey, remaining: MoreThan(0) },
          lock: this.lock(em),
        }),
      );
      if (rows.length === 0) continue;
      await this.db.run((em) =>
        em
          .createQueryBuilder()
          .update(SubscribeConsent)
          .set({ remaining: () => 'remaining - 1', updatedAt: at })
          .where('id IN (:...ids)', { ids: rows.map((r) => r.id) })
          .execute(),
      );
      spent.push(...rows.map((r) => r.userId));
    }
    return spent;
  }

  /** The sends' rows, pending; answers their ids. */
  async insertSends(sends: NewWechatSend[], at: Date): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < sends.length; i += 200) {
      const rows = sends.slice(i, i + 200).map((s) => ({ ...s, status: 'pending' as const, attempts: 0, errcode: null, error: null, createdAt: at, updatedAt: at }));
      const result = await this.db.run((em) => em.createQueryBuilder().insert().into(WechatSend).values(rows).execute());
      ids.push(...result.identifiers.map((x) => Number((x as { id: number }).id)));
    }
    return ids;
  }

  /**
   * What a message says about the activity or consultation it is about (its title, times, place, reason for
   * cancelling) and its community: whose staff see a failed send. Null when it is about neither.
   */
  async subjectOf(activityId: number | null, pollId: number | null): Promise<MessageSubject | null> {
    if (activityId !== null) {
      const a = await this.db.run((em) =>
        em.findOne(Activity, { select: { id: true, communityId: true, title: true, startsAt: true, place: true, cancelReason: true }, where: { id: activityId } }),
      );
      return a && { communityId: a.communityId, title: a.title, startsAt: a.startsAt, closesAt: null, place: a.place, cancelReason: a.cancelReason };
    }
    if (pollId !== null) {
      const p = await this.db.run((em) => em.findOne(Poll, { select: { id: true, communityId: true, title: true, closesAt: true }, where: { id: pollId } }));
      return p && { communityId: p.communityId, title: p.title, startsAt: null, closesAt: p.closesAt, place: null, cancelReason: null };
    }
    return null;
  }

  /** Takes a pending send for delivery (pending → sending); null if someone else took it or it is gone. */
  claim(id: number, at: Date): Promise<(WechatSend & { openid: string }) | null> {
    return this.db.transaction(async () => {
      const result = await this.db.run((em) =>
        em
          .createQueryBuilder()
          .update(WechatSend)
          .set({ status: 'sending', updatedAt: at })
          .where('id = :id AND status = :pending', { id, pending: 'pending' })
          .execute(),
      );
      if (!result.affected) return null;
      const send = (await this.db.run((em) => em.findOneBy(WechatSend, { id })))!;
      const user = await this.db.run((em) => em.findOne(User, { select: { id: true, openid: true }, where: { id: send.userId } }));
      return { ...send, openid: user?.openid ?? '' };
    });
  }

  /** Records the outcome of one attempt: sent, back to pending for a retry, failed for good, or uncertain (not sent again). */
  async finish(
    id: number,
    outcome: { status: 'sent' | 'pending' | 'failed' | 'uncertain'; errcode: number | null; error: string | null },
    at: Date,
  ): Promise<void> {
    await this.db.run((em) =>
      em
        .createQueryBuilder()
        .update(WechatSend)
        .set({ status: outcome.status, errcode: outcome.errcode, error: outcome.error?.slice(0, 200) ?? null, updatedAt: at, attempts: () => 'attempts + 1' })
        .where('id = :id', { id })
        .execute(),
    );
  }

  /**
   * Sends some server took for delivery (`sending`) before `before` and never finished: it stopped half-way, so
   * whether WeChat got the message is unknown. They become uncertain (never sent again, shown to staff).
   */
  async abandonSending(before: Date, at: Date): Promise<number> {
    const result = await this.db.run((em) =>
      em
        .createQueryBuilder()
        .update(WechatSend)
        .set({ status: 'uncertain', error: 'interrupted: the server stopped while sending', updatedAt: at })
        .where('status = :sending AND updatedAt < :before', { sending: 'sending', before })
        .execute(),
    );
    return result.affected ?? 0;
  }

  /** Sends written but not yet delivered (a restart picks them up again). */
  async pendingIds(limit: number): Promise<number[]> {
    const rows = await this.db.run((em) => em.find(WechatSend, { select: { id: true }, where: { status: 'pending' }, order: { id: 'ASC' }, take: limit }));
    return rows.map((r) => r.id);
  }

  findById(id: number): Promise<WechatSend | null> {
    return this.db.run((em) => em.findOneBy(WechatSend, { id }));
  }

  /** Failed and uncertain sends about the given communities, newest first, with the recipient's nickname. */
  async failedPage(communityIds: number[], page: number, pageSize: number): Promise<[(WechatSend & { nickname: string })[], number]> {
    if (communityIds.length === 0) return [[], 0];
    const where = { status: In(['failed', 'uncertain']), communityId: In(communityIds) };
    const [sends, total] = await this.db.run((em) =>
      em.findAndCount(WechatSend, { where, order: { id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize }),
    );
    const userIds = [...new Set(sends.map((s) => s.userId))];
    const users = userIds.length
      ? await this.db.run((em) => em.find(User, { select: { id: true, nickname: true }, where: { id: In(userIds) } }))
      : [];
    const nickname = new Map(users.map((u) => [u.id, u.nickname]));
    return [sends.map((s) => ({ ...s, nickname: nickname.get(s.userId) ?? '' })), total];
  }

  /** Row locks inside a MySQL transaction; SQLite runs one unit of work at a time anyway. */
  private lock(em: EntityManager) {
    return this.db.kind === 'mysql' && em.queryRunner?.isTransactionActive ? ({ mode: 'pessimistic_write' } as const) : undefined;
  }
}
