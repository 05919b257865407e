import type { ServiceForm, ServiceTargetGroup, ServiceTier, ServiceUnit } from '@linli/shared';
import type { EntityManager } from 'typeorm';
import { Household } from '../../communities/household.entity.js';
import { addDays, chinaDay, monthOf, weekOf } from '../../services/days.js';
import { ServiceBeneficiary } from '../../services/service-beneficiary.entity.js';
import { ServiceContract } from '../../services/service-contract.entity.js';
import { ServiceItemDueWeek } from '../../services/service-item-due-week.entity.js';
import { ServiceItemMonth } from '../../services/service-item-month.entity.js';
import { ServiceItemWorker } from '../../services/service-item-worker.entity.js';
import { ServiceItem } from '../../services/service-item.entity.js';
import { ServiceLog } from '../../services/service-log.entity.js';
import { logQuantity } from '../../services/services.mapper.js';

interface DemoItem {
  name: string;
  description: string;
  targetGroup: ServiceTargetGroup;
  unit: ServiceUnit;
  targetQuantity: number;
  tiers?: ServiceTier[];
  /** Group work: every `everyDays` days, `people` served for `minutes`. */
  group?: { everyDays: number; form: ServiceForm; minutes: number; people: number };
}

/** The items the Kunming article names for a social-work station's delegated catalogue. */
const DEMO_ITEMS: DemoItem[] = [
  {
    name: '高龄老人入户探访',
    description: '对80岁以上老人定期入户探访，了解身体、生活和安全情况，发现困难及时转介。',
    targetGroup: 'elderly',
    unit: 'household_visits',
    targetQuantity: 240,
    tiers: [
      { tier: '高风险', everyDays: 7 },
      { tier: '重点', everyDays: 30 },
      { tier: '一般', everyDays: 90 },
    ],
  },
  {
    name: '陪伴外出',
    description: '陪伴行动不便的独居老人就医、购物、办事。',
    targetGroup: 'living_alone',
    unit: 'person_times',
    targetQuantity: 60,
    group: { everyDays: 9, form: 'escort', minutes: 120, people: 1 },
  },
  {
    name: '文体康乐',
    description: '每周一次的文体活动：合唱、手工、健身操。',
    targetGroup: 'all_residents',
    unit: 'sessions',
    targetQuantity: 48,
    group: { everyDays: 7, form: 'community_event', minutes: 90, people: 25 },
  },
  {
    name: '志愿者动员',
    description: '招募、培训和组织社区志愿者参与为老服务和环境整治。',
    targetGroup: 'all_residents',
    unit: 'person_times',
    targetQuantity: 400,
    group: { everyDays: 14, form: 'group', minutes: 120, people: 12 },
  },
  {
    name: '婚姻家庭辅导',
    description: '为有需要的家庭提供婚姻关系、亲子沟通的个案辅导。',
    targetGroup: 'women',
    unit: 'hours',
    targetQuantity: 80,
    group: { everyDays: 6, form: 'casework', minutes: 60, people: 2 },
  },
  {
    name: '儿童四点半课堂',
    description: '放学后为双职工和困境家庭的孩子提供作业辅导和安全看护。',
    targetGroup: 'children_in_need',
    unit: 'sessions',
    targetQuantity: 160,
    group: { everyDays: 2, form: 'group', minutes: 90, people: 15 },
  },
];

/** The register of the home-visit item: name, tier, [building, unit, room], phone. Names are made up. */
const DEMO_ELDERS: [string, string, [string, string, string], string][] = [
  ['王桂兰', '高风险', ['1栋', '1单元', '201'], '13900002001'],
  ['刘德福', '高风险', ['1栋', '2单元', '302'], '13900002002'],
  ['陈秀英', '高风险', ['2栋', '1单元', '101'], '13900002003'],
  ['杨淑珍', '重点', ['2栋', '2单元', '402'], '13900002004'],
  ['赵长林', '重点', ['3栋', '1单元', '601'], '13900002005'],
  ['黄玉梅', '重点', ['3栋', '2单元', '202'], '13900002006'],
  ['周福生', '重点', ['4栋', '1单元', '301'], '13900002007'],
  ['吴凤英', '一般', ['4栋', '2单元', '502'], '13900002008'],
  ['徐建国', '一般', ['5栋', '1单元', '102'], '13900002009'],
  ['孙兰芳', '一般', ['5栋', '2单元', '401'], '13900002010'],
  ['马文华', '一般', ['6栋', '1单元', '602'], '13900002011'],
  ['朱惠芬', '一般', ['6栋', '2单元', '201'], '13900002012'],
];

/**
 * A year's delegated-service contract for the demo community, bought from the demo social-work organisation and
 * three months under way: the six items with targets, a tiered register of elders, and a season of logs (some
 * elders left overdue, so 我的任务 and the progress page have something to show).
 */
export async function seedDemoServices(
  em: EntityManager,
  ids: { streetId: number; communityId: number; providerId: number; evaluatorId: number; workerId: number; committeeId: number },
  now: Date,
): Promise<void> {
  const today = chinaDay(now);
  const periodStart = `${addDays(today, -95).slice(0, 7)}-01`;
  const periodEnd = addDays(`${String(Number(periodStart.slice(0, 4)) + 1)}${periodStart.slice(4)}`, -1);
  const contract = await em.save(
    em.create(ServiceContract, {
      title: '幸福里社区委托转移服务项目（年度）',
      streetId: ids.streetId,
      communityId: ids.communityId,
      providerId: ids.providerId,
      evaluatorId: ids.evaluatorId,
      type: 'delegation',
      periodStart,
      periodEnd,
      amountFen: 38_000_000,
      version: 1,
      createdBy: ids.committeeId,
      createdAt: now,
    }),
  );
  const logs: Partial<ServiceLog>[] = [];
  const dueWeeks = new Map<string, ServiceItemDueWeek>();
  for (const [index, demo] of DEMO_ITEMS.entries()) {
    const item = await em.save(
      em.create(ServiceItem, {
        contractId: contract.id,
        communityId: ids.communityId,
        name: demo.name,
        description: demo.description,
        targetGroup: demo.targetGroup,
        unit: demo.unit,
        targetQuantity: demo.targetQuantity,
        tiers: JSON.stringify(demo.tiers ?? []),
        version: 1,
        createdAt: now,
      }),
    );
    await em.insert(ServiceItemWorker, { itemId: item.id, userId: ids.workerId });
    const log = (servedOn: string, form: ServiceForm, minutes: number, people: number, beneficiaryId: number | null, note: string) =>
      logs.push({
        itemId: item.id,
        beneficiaryId,
        workerId: ids.workerId,
        servedOn,
        minutes,
        form,
        peopleServed: people,
        quantity: logQuantity(demo.unit, { peopleServed: people, minutes }),
        note,
        photos: '[]',
        voidsId: null,
        createdAt: now,
      });
    if (demo.group) {
      // Items a little behind or ahead of pace, so the bands differ.
      const every = demo.group.everyDays + (index % 2);
      for (let day = periodStart; day < today; day = addDays(day, every)) log(day, demo.group.form, demo.group.minutes, demo.group.people, null, '');
    }
    if (demo.tiers) {
      const rules = new Map(demo.tiers.map((t) => [t.tier, t.everyDays]));
      for (const [n, [name, tier, [building, unit, room], phone]] of DEMO_ELDERS.entries()) {
        const household = await em.findOneByOrFail(Household, { communityId: ids.communityId, building, unit, room });
        const every = rules.get(tier)!;
        // Every fourth elder's visits stopped a while ago: overdue now.
        const lastGap = n % 4 === 1 ? every + 5 : n % every;
        const visits: string[] = [];
        for (let day = addDays(today, -lastGap); day >= periodStart; day = addDays(day, -every)) visits.push(day);
        const dueOn = addDays(visits[0] ?? periodStart, every);
        const week = `${item.id}/${weekOf(dueOn)}`;
        dueWeeks.set(week, { itemId: item.id, week: weekOf(dueOn), people: (dueWeeks.get(week)?.people ?? 0) + 1 });
        const b = await em.save(
          em.create(ServiceBeneficiary, {
            itemId: item.id,
            communityId: ids.communityId,
            name,
            householdId: household.id,
            tier,
            phone,
            notes: tier === '高风险' ? '独居，患高血压，注意用药情况' : '',
            lastServedOn: visits[0] ?? null,
            dueOn,
            registeredOn: periodStart,
            archivedAt: null,
          }),
        );
        for (const day of visits) log(day, n % 3 === 0 ? 'phone_care' : 'visit', n % 3 === 0 ? 15 : 45, 1, b.id, '');
      }
    }
  }
  for (let i = 0; i < logs.length; i += 200) await em.insert(ServiceLog, logs.slice(i, i + 200));
  // The monthly summary rows the log writes keep, built once from the seeded logs.
  const months = new Map<string, ServiceItemMonth>();
  for (const l of logs) {
    const key = `${l.itemId}/${monthOf(l.servedOn!)}`;
    const m = months.get(key) ?? { itemId: l.itemId!, month: monthOf(l.servedOn!), quantity: 0, logs: 0, minutes: 0 };
    m.quantity += l.quantity!;
    m.logs += 1;
    m.minutes += l.minutes!;
    months.set(key, m);
  }
  await em.insert(ServiceItemMonth, [...months.values()]);
  // And the due-week counts the register writes keep.
  if (dueWeeks.size > 0) await em.insert(ServiceItemDueWeek, [...dueWeeks.values()]);
}
