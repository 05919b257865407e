import type { AssigneeKind, ServiceCategory, ServiceRequestState, WishClaimerKind, WishState } from '@linli/shared';
import type { EntityManager } from 'typeorm';
import { Household } from '../../communities/household.entity.js';
import { ServiceRequest } from '../../service-requests/service-request.entity.js';
import { User } from '../../users/user.entity.js';
import { Wish } from '../../wishes/wish.entity.js';
import { personaOpenid } from './demo-data.js';

const HOUR = 3600_000;

interface DemoRequest {
  /** Whose home (a persona's own household), or [building, unit, room] for a phone call staff typed in. */
  home: 'resident' | 'resident2' | [string, string, string];
  category: ServiceCategory;
  details: string;
  state: ServiceRequestState;
  hoursAgo: number;
  assignee?: { kind: AssigneeKind; persona?: 'volunteer' | 'social-worker'; organisation?: number };
  declineReason?: string;
  doneNote?: string;
  rating?: number;
  comment?: string;
}

/** One request in each state the staff queue shows, one of them past the response time. */
const DEMO_REQUESTS: DemoRequest[] = [
  { home: 'resident', category: 'escort', details: '下周二去市一医院复查眼睛，想请人陪着去', state: 'submitted', hoursAgo: 30 },
  { home: ['4栋', '1单元', '201'], category: 'mobility', details: '老人腿脚不便，想借一个轮椅用一个月（电话登记）', state: 'submitted', hoursAgo: 2 },
  { home: 'resident2', category: 'cleaning', details: '厨房油烟机太脏了，自己够不着', state: 'accepted', hoursAgo: 20 },
  { home: 'resident', category: 'shopping', details: '帮忙买一袋大米和一桶油，送到家', state: 'assigned', hoursAgo: 26, assignee: { kind: 'volunteer', persona: 'volunteer' } },
  { home: 'resident2', category: 'repair', details: '卫生间水龙头一直滴水', state: 'started', hoursAgo: 50, assignee: { kind: 'organisation', organisation: 0 } },
  {
    home: 'resident', category: 'meals', details: '这周想订午餐，每天一份少盐的', state: 'done', hoursAgo: 80,
    assignee: { kind: 'staff', persona: 'social-worker' }, doneNote: '已和老年食堂说好，每天中午11点半送到',
  },
  {
    home: 'resident', category: 'companionship', details: '老伴住院了，一个人在家心里发慌，想有人说说话', state: 'confirmed', hoursAgo: 200,
    assignee: { kind: 'staff', persona: 'social-worker' }, doneNote: '上门陪伴两小时，约好每周三再来', rating: 5, comment: '陈社工很耐心，谢谢社区',
  },
  { home: 'resident2', category: 'other', details: '想把家里的旧家具捐出去', state: 'declined', hoursAgo: 100, declineReason: '社区暂时没有存放的地方，可以联系街道的旧物回收点' },
];

interface DemoWish {
  beneficiaryName: string;
  title: string;
  story: string;
  state: WishState;
  claimer?: { kind: WishClaimerKind; persona: 'resident2' | 'org-staff'; organisation?: number };
}

const DEMO_WISHES: DemoWish[] = [
  { beneficiaryName: '王秀兰', title: '一双防滑棉鞋（38码）', story: '独居老人，冬天下楼买菜怕滑倒。', state: 'published' },
  { beneficiaryName: '李小雨', title: '一个新书包', story: '三年级的小姑娘，书包背带断了，用绳子绑着。', state: 'published' },
  { beneficiaryName: '赵建国', title: '一台收音机', story: '视力不好的老人，想听戏曲和新闻。', state: 'claimed', claimer: { kind: 'team', persona: 'org-staff', organisation: 1 } },
  { beneficiaryName: '孙桂芳', title: '一床厚棉被', story: '老房子冬天冷，现在的被子太薄。', state: 'confirmed', claimer: { kind: 'resident', persona: 'resident2' } },
];

/** A few requests in every state and a few 微心愿 in 幸福里, so the demo shows the help pages working. */
export async function seedDemoRequests(
  em: EntityManager,
  ids: { communityId: number; organisationIds: number[]; committeeId: number },
  now: Date,
): Promise<void> {
  const userId = async (persona: Parameters<typeof personaOpenid>[0]) => (await em.findOneByOrFail(User, { openid: personaOpenid(persona) })).id;
  const homeOf = async (persona: 'resident' | 'resident2') =>
    (await em.query<{ householdId: number }[]>('SELECT `householdId` FROM `residency` WHERE `userId` = ?', [await userId(persona)]))[0].householdId;
  for (const r of DEMO_REQUESTS) {
    const at = new Date(now.getTime() - r.hoursAgo * HOUR);
    const householdId = Array.isArray(r.home)
      ? (await em.findOneByOrFail(Household, { communityId: ids.communityId, building: r.home[0], unit: r.home[1], room: r.home[2] })).id
      : await homeOf(r.home);
    await em.insert(ServiceRequest, {
      communityId: ids.communityId,
      householdId,
      category: r.category,
      details: r.details,
      neededAt: null,
      contactName: '',
      serviceItemId: null,
      state: r.state,
      requesterId: Array.isArray(r.home) ? ids.committeeId : await userId(r.home),
      enteredByStaff: Array.isArray(r.home),
      declineReason: r.declineReason ?? null,
      assigneeKind: r.assignee?.kind ?? null,
      assigneeUserId: r.assignee?.persona ? await userId(r.assignee.persona) : null,
      assigneeOrganisationId: r.assignee?.organisation !== undefined ? ids.organisationIds[r.assignee.organisation] : null,
      doneNote: r.doneNote ?? null,
      rating: r.rating ?? null,
      comment: r.comment ?? null,
      createdAt: at,
      updatedAt: at,
    });
  }
  for (const [i, w] of DEMO_WISHES.entries()) {
    const at = new Date(now.getTime() - (10 - i) * 24 * HOUR);
    const claimed = w.state !== 'published';
    await em.insert(Wish, {
      communityId: ids.communityId,
      householdId: null,
      beneficiaryName: w.beneficiaryName,
      title: w.title,
      story: w.story,
      state: w.state,
      createdBy: ids.committeeId,
      claimerKind: w.claimer?.kind ?? null,
      claimerUserId: w.claimer ? await userId(w.claimer.persona) : null,
      claimerOrganisationId: w.claimer?.organisation !== undefined ? ids.organisationIds[w.claimer.organisation] : null,
      deliveryNote: w.state === 'confirmed' ? '已送到老人家里' : null,
      createdAt: at,
      claimedAt: claimed ? new Date(at.getTime() + 24 * HOUR) : null,
      deliveredAt: w.state === 'confirmed' ? new Date(at.getTime() + 48 * HOUR) : null,
      confirmedAt: w.state === 'confirmed' ? new Date(at.getTime() + 50 * HOUR) : null,
    });
  }
}
