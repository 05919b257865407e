import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { Activity } from '../activities/activity.entity.js';
import { Signup } from '../activities/signup.entity.js';
import { VolunteerHours } from '../activities/volunteer-hours.entity.js';
import { ArticleRead } from '../articles/article-read.entity.js';
import { Database } from '../database/database.js';
import { StatsMonthWriter } from '../stats/stats-month-writer.js';
import { InboxItem } from '../notifications/inbox-item.entity.js';
import { SubscribeConsent } from '../notifications/subscribe-consent.entity.js';
import { WechatSend } from '../notifications/wechat-send.entity.js';
import { PollParticipation } from '../polls/poll-participation.entity.js';
import { Poll } from '../polls/poll.entity.js';
import { ResidencyClaim } from '../residency/residency-claim.entity.js';
import { Residency } from '../residency/residency.entity.js';
import { ServiceRequest } from '../service-requests/service-request.entity.js';
import { RoleGrant } from '../users/role-grant.entity.js';
import { User } from '../users/user.entity.js';
import { Wish } from '../wishes/wish.entity.js';

/** What a deleted account's row keeps in place of the person's name. */
export const DELETED_NICKNAME = '已注销用户';

/** Every row that belongs to one person, read for their export and emptied when they delete their account. */
@Injectable()
export class PersonalDataRepository {
  private readonly summary: StatsMonthWriter;

  constructor(private readonly db: Database) {
    this.summary = new StatsMonthWriter(db);
  }

  /** All of one user's rows, each table read once. */
  collect(userId: number) {
    return this.db.run(async (em) => {
      const [user, grants, residencies, claims, signups, hours, participations, reads, inbox, consents, requests, wishes] = await Promise.all([
        em.findOneBy(User, { id: userId, deletedAt: IsNull() }),
        em.find(RoleGrant, { where: { userId }, order: { id: 'ASC' } }),
        em.find(Residency, { where: { userId }, relations: { household: { community: true } }, order: { id: 'ASC' } }),
        em.find(ResidencyClaim, { where: { userId }, relations: { user: true, household: { community: true } }, order: { id: 'ASC' } }),
        em.find(Signup, { where: { userId }, order: { id: 'ASC' } }),
        em.find(VolunteerHours, { where: { userId }, order: { id: 'ASC' } }),
        em.find(PollParticipation, { where: { voterKey: `u:${userId}` }, order: { createdAt: 'ASC' } }),
        em.find(ArticleRead, { where: { userId }, order: { day: 'ASC', articleId: 'ASC' } }),
        em.find(InboxItem, { where: { userId }, order: { id: 'ASC' } }),
        em.find(SubscribeConsent, { where: { userId }, order: { id: 'ASC' } }),
        em.find(ServiceRequest, { where: { requesterId: userId }, order: { id: 'ASC' } }),
        em.find(Wish, { where: { claimerUserId: userId }, order: { id: 'ASC' } }),
      ]);
      const activityIds = [...new Set(signups.map((s) => s.activityId))];
      const pollIds = [...new Set(participations.map((p) => p.pollId))];
      const [activities, polls] = await Promise.all([
        activityIds.length ? em.find(Activity, { where: { id: In(activityIds) }, select: { id: true, title: true, startsAt: true } }) : [],
        pollIds.length ? em.find(Poll, { where: { id: In(pollIds) }, select: { id: true, title: true, secrecy: true } }) : [],
      ]);
      return { user, grants, residencies, claims, signups, hours, participations, reads, inbox, consents, requests, wishes, activities, polls };
    });
  }

  /**
   * Empties the account in the current transaction. Removed: the WeChat identifiers, nickname (and one held for review), avatar, birth year,
   * phone, roles, residencies, residency claims (they carry the real name), notifications, WeChat message consents
   * and sends, the companions' names and answers of every sign-up, and the words of the help they asked for (what
   * was needed, the contact name, their comment; requests nobody has started on are withdrawn). Kept without anything personal: the sign-up rows (seats and attendance still add
   * up), volunteer hours, article reads and the record of having voted (a secret ballot was never linked to it).
   * False when the account was already deleted.
   */
  async erase(userId: number, now: Date): Promise<boolean> {
    return this.db.run(async (em) => {
      // The openid is unique: a placeholder frees the real one, so logging in again later starts a new, empty account.
      const result = await em.update(
        User,
        { id: userId, deletedAt: IsNull() },
        { openid: `deleted:${userId}`, unionid: null, nickname: DELETED_NICKNAME, pendingNickname: null, avatarUrl: null, birthYear: null, phone: null, deletedAt: now },
      );
      if (!result.affected) return false;
      await em.delete(RoleGrant, { userId });
      // The caller's transaction (PrivacyService.deleteAccount) carries the summary's change with the delete.
      await this.summary.residenciesRemoved(userId);
      await em.delete(Residency, { userId });
      await em.delete(ResidencyClaim, { userId });
      await em.delete(InboxItem, { userId });
      await em.delete(SubscribeConsent, { userId });
      await em.delete(WechatSend, { userId });
      await em.update(Signup, { userId }, { companions: '[]', answers: '{}' });
      // A request typed in by staff from a phone call is the household's, not the staff member's: it stays as it is.
      const ownRequests = { requesterId: userId, enteredByStaff: false };
      await em.update(ServiceRequest, { ...ownRequests, state: In(['submitted', 'accepted', 'assigned']) }, { state: 'cancelled', updatedAt: now });
      await em.update(ServiceRequest, ownRequests, { details: '', contactName: '', comment: null, updatedAt: now });
      return true;
    });
  }
}
