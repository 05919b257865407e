import { Injectable } from '@nestjs/common';
import type { AccountDeleted, Companion, MyDataExport, SignupAnswers } from '@linli/shared';
import { SignupsService } from '../activities/signups.service.js';
import { GrantsCache } from '../auth/grants-cache.js';
import { Clock } from '../clock/clock.js';
import { AppError } from '../common/app-error.js';
import { Database } from '../database/database.js';
import { toClaimDto, toResidencyDto } from '../residency/residency.mapper.js';
import { maskPhone } from '../users/mask-phone.js';
import { PersonalDataRepository } from './personal-data.repository.js';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** The resident's data rights: a copy of everything kept about them, and deleting their account. */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly db: Database,
    private readonly data: PersonalDataRepository,
    private readonly signups: SignupsService,
    private readonly grants: GrantsCache,
    private readonly clock: Clock,
  ) {}

  async exportFor(userId: number): Promise<MyDataExport> {
    const rows = await this.data.collect(userId);
    if (!rows.user) throw new AppError('UNAUTHENTICATED');
    const activities = new Map(rows.activities.map((a) => [a.id, a]));
    const polls = new Map(rows.polls.map((p) => [p.id, p]));
    return {
      exportedAt: iso(this.clock.now()),
      notes: [
        '这是邻里共治保存的关于您的全部信息。',
        '无记名投票时，您投了什么不和您的账号相连，所以这里只记录您参加过投票，没有您的选择。',
        '每户一票的投票记在家里这一户名下，不记在个人名下，所以不在这里列出。',
        '工作人员替您接电话登记的求助记在您家这一户名下，不在这里列出。',
      ],
      profile: {
        id: rows.user.id,
        openid: rows.user.openid,
        nickname: rows.user.nickname,
        pendingNickname: rows.user.pendingNickname,
        avatarUrl: rows.user.avatarUrl,
        birthYear: rows.user.birthYear,
        phone: maskPhone(rows.user.phone),
        createdAt: iso(rows.user.createdAt),
      },
      roles: rows.grants.map((g) => ({ role: g.role, scope: g.scopeKey })),
      residencies: rows.residencies.map(toResidencyDto),
      residencyClaims: rows.claims.map(toClaimDto),
      signups: rows.signups.map((s) => {
        const activity = activities.get(s.activityId)!;
        return {
          id: s.id,
          activity: { id: activity.id, title: activity.title, startsAt: iso(activity.startsAt) },
          role: s.role,
          status: s.status,
          companions: JSON.parse(s.companions) as Companion[],
          answers: JSON.parse(s.answers) as SignupAnswers,
          createdAt: iso(s.createdAt),
          checkedInAt: isoOrNull(s.checkedInAt),
          checkedOutAt: isoOrNull(s.checkedOutAt),
        };
      }),
      volunteerHours: rows.hours.map((h) => ({ activityId: h.activityId, minutes: h.minutes, createdAt: iso(h.createdAt) })),
      consultations: rows.participations.map((p) => {
        const poll = polls.get(p.pollId)!;
        return { poll: { id: poll.id, title: poll.title }, channel: p.channel, secret: poll.secrecy === 'secret', createdAt: iso(p.createdAt) };
      }),
      subscriptions: rows.consents.map((c) => ({ key: c.templateKey, remaining: c.remaining })),
      articleReads: rows.reads.map((r) => ({ articleId: r.articleId, day: r.day })),
      inbox: rows.inbox.map((i) => ({ title: i.title, body: i.body, createdAt: iso(i.createdAt), readAt: isoOrNull(i.readAt) })),
      serviceRequests: rows.requests.map((r) => ({
        id: r.id,
        category: r.category,
        details: r.details,
        contactName: r.contactName,
        neededAt: isoOrNull(r.neededAt),
        state: r.state,
        declineReason: r.declineReason,
        doneNote: r.doneNote,
        rating: r.rating,
        comment: r.comment,
        createdAt: iso(r.createdAt),
      })),
      wishesClaimed: rows.wishes.map((w) => ({ id: w.id, title: w.title, claimedAt: isoOrNull(w.claimedAt), deliveredAt: isoOrNull(w.deliveredAt) })),
    };
  }

  async deleteAccount(userId: number): Promise<AccountDeleted> {
    await this.db.transaction(async () => {
      // Seats of activities still to come go back to the waitlist as if the resident had cancelled each sign-up;
      // first, so that activity rows are locked before sign-up rows, as every other writer does.
      await this.signups.cancelUpcomingWithin(userId);
      if (!(await this.data.erase(userId, this.clock.now()))) throw new AppError('UNAUTHENTICATED');
    });
    // Every token of this account stops working here at once (other instances within the cache's minute).
    this.grants.forget(userId);
    return {
      ok: true,
      summary: [
        '您的昵称、头像、出生年份、手机号、微信标识、住户认证、实名申请、通知、消息订阅和同行家人信息已删除。',
        '还没开始的活动已为您取消报名，名额让给了其他居民。',
        '以前的活动只保留人数，不再显示您是谁。',
        '您向社区求助时写的内容已删除；还没有人开始办的求助已撤回。',
        '您投过的票仍然算数；无记名投票本来就不和您相连，现在也不会。',
      ],
    };
  }
}
