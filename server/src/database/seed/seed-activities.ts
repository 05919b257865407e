import type { CreateActivity, Persona } from '@linli/shared';
import { CacheInvalidator } from '../../common/cache-invalidator.js';
import { ActivitiesRepository, type NewActivity } from '../../activities/activities.repository.js';
import { remindAtOf } from '../../activities/activity-rules.js';
import { randomCode } from '../../activities/random-code.js';
import { SignupsRepository } from '../../activities/signups.repository.js';
import { User } from '../../users/user.entity.js';
import type { Database } from '../database.js';
import { personaOpenid } from './demo-data.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** `days` from `now`, at hh:mm Beijing time (UTC+8, no daylight saving). */
function beijing(now: Date, days: number, hour: number, minute = 0): Date {
  const shifted = new Date(now.getTime() + 8 * HOUR + days * DAY);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate(), hour - 8, minute));
}

type DemoActivity = Pick<CreateActivity, 'title' | 'category' | 'description' | 'place' | 'seats'> &
  Partial<Pick<CreateActivity, 'volunteerSlots' | 'companionsAllowed' | 'questions' | 'audience'>> & {
    organisation?: number;
    weeks?: number;
    starts: [days: number, hour: number, minute?: number];
    hours: number;
    signups?: Persona[];
  };

const DEMO_ACTIVITIES: DemoActivity[] = [
  {
    title: '太极拳晨练',
    category: 'culture_sports',
    description: '每周一次，由社区太极拳队老师带练，零基础也可以参加。请穿宽松的衣服和平底鞋。',
    place: '幸福里社区中心广场',
    seats: 20,
    weeks: 4,
    starts: [2, 7],
    hours: 1,
  },
  {
    title: '老年人智能手机课堂',
    category: 'lecture',
    description: '社工手把手教您用微信视频、扫码支付、网上挂号，防范电信诈骗。请带上自己的手机。',
    place: '幸福里社区党群服务中心二楼',
    seats: 30,
    organisation: 0,
    starts: [3, 14, 30],
    hours: 1.5,
    questions: [{ id: 'phone', kind: 'single', title: '您有智能手机吗', required: true, options: ['有', '没有'] }],
  },
  {
    title: '周末四点半课堂',
    category: 'youth',
    description: '放学后的作业辅导和趣味手工，家长可以陪同（每位最多带两个孩子）。',
    place: '幸福里社区图书室',
    seats: 15,
    companionsAllowed: 2,
    starts: [4, 16, 30],
    hours: 1.5,
  },
  {
    title: '敬老院探访志愿服务',
    category: 'volunteering',
    description: '到和平敬老院陪老人聊天、读报、整理房间。服务时长计入志愿服务记录。',
    place: '和平敬老院（和平路120号）',
    seats: 0,
    volunteerSlots: 10,
    organisation: 1,
    starts: [5, 9],
    hours: 2.5,
  },
  {
    title: '楼道微更新议事会',
    category: 'consultation',
    description: '一起商量1、2栋楼道的改造方案。名额已满时可以候补，有人取消会通知您。',
    place: '幸福里社区议事厅',
    seats: 2,
    starts: [6, 19],
    hours: 1.5,
    signups: ['resident', 'resident2'],
  },
  {
    title: '中秋游园会',
    category: 'culture_sports',
    description: '猜灯谜、做月饼、邻里才艺表演。',
    place: '幸福里社区中心广场',
    seats: 100,
    starts: [-2, 9],
    hours: 2,
    signups: ['resident'],
  },
];

/**
 * Demo activities in 幸福里社区 (community `communityId`), with times relative to `now`. Sign-ups go through the
 * same repository calls as the app's (conditional seat counter first, then the row). Runs inside the seed's
 * transaction.
 */
export async function seedDemoActivities(
  db: Database,
  ids: { communityId: number; organisationIds: number[]; createdBy: number },
  now: Date,
): Promise<void> {
  // Seeding runs before the app serves anything: no list pages to keep.
  const activities = new ActivitiesRepository(db, new CacheInvalidator(db));
  const signups = new SignupsRepository(db);
  for (const demo of DEMO_ACTIVITIES) {
    const sessionIds: number[] = [];
    for (let week = 0; week < (demo.weeks ?? 1); week++) {
      const startsAt = new Date(beijing(now, demo.starts[0], demo.starts[1], demo.starts[2]).getTime() + week * 7 * DAY);
      const activity: NewActivity = {
        communityId: ids.communityId,
        organisationId: demo.organisation === undefined ? null : ids.organisationIds[demo.organisation],
        seriesId: null,
        createdBy: ids.createdBy,
        title: demo.title,
        category: demo.category,
        coverUrl: null,
        description: demo.description,
        place: demo.place,
        startsAt,
        endsAt: new Date(startsAt.getTime() + demo.hours * HOUR),
        // A week ahead: later sessions of a series open as their week comes.
        signupOpensAt: new Date(startsAt.getTime() - 7 * DAY),
        signupClosesAt: new Date(startsAt.getTime() - HOUR),
        cancelDeadline: new Date(startsAt.getTime() - 2 * HOUR),
        seats: demo.seats,
        volunteerSlots: demo.volunteerSlots ?? 0,
        audience: JSON.stringify(demo.audience ?? { kind: 'anyone', buildings: [], minAge: null, maxAge: null }),
        questions: JSON.stringify(demo.questions ?? []),
        companionsAllowed: demo.companionsAllowed ?? 0,
        waitlistEnabled: 1,
        offerHoldMinutes: 120,
        reminderMinutes: 24 * 60,
        remindAt: remindAtOf(startsAt, 24 * 60),
        status: 'published',
        cancelReason: null,
        publishedAt: now,
        checkinToken: randomCode(),
        createdAt: now,
      };
      sessionIds.push(await activities.insert(activity));
    }
    if (sessionIds.length > 1) await activities.setSeries(sessionIds, sessionIds[0]);
    const ended = demo.starts[0] < 0;
    for (const persona of demo.signups ?? []) {
      const user = await db.run((em) => em.findOneByOrFail(User, { openid: personaOpenid(persona) }));
      if (!(await activities.takeSeats(sessionIds[0], 1))) continue;
      const signupId = await insertDemoSignup(signups, sessionIds[0], user.id, now);
      if (ended) {
        const checkedInAt = beijing(now, demo.starts[0], demo.starts[1]);
        await signups.transition(signupId, ['confirmed'], { status: 'attended', checkedInAt });
      }
    }
  }
}

/** A confirmed sign-up of one person with no companions or answers (its seat taken by the caller). */
export function insertDemoSignup(signups: SignupsRepository, activityId: number, userId: number, now: Date): Promise<number> {
  return signups.insert({
    activityId,
    userId,
    role: 'participant',
    status: 'confirmed',
    size: 1,
    companions: '[]',
    answers: '{}',
    contentHeld: 0,
    checkinCode: randomCode(),
    createdAt: now,
  });
}
