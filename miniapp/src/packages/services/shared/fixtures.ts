import type { Beneficiary, ServiceContract, ServiceItem, ServiceItemProgress } from '@linli/shared'
import { makeMe } from '../../../../test/fixtures'

export const committee = makeMe({ id: 2, isStaff: true, grants: [{ id: 1, role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区' } }] as never })
export const worker = makeMe({ id: 7, nickname: '陈社工', isStaff: true, grants: [{ id: 2, role: 'social_worker', scope: { kind: 'organisation', id: 1, name: '启航社会工作服务中心' } }] as never })

export const contract = (over: Partial<ServiceContract> = {}): ServiceContract => ({
  id: 3,
  title: '幸福里社区委托转移服务项目（年度）',
  streetId: 1,
  communityId: 1,
  buyerName: '幸福里社区',
  provider: { id: 1, name: '启航社会工作服务中心' },
  evaluator: null,
  type: 'delegation',
  periodStart: '2026-09-01',
  periodEnd: '2027-08-31',
  amountFen: 38_000_000,
  itemCount: 2,
  version: 1,
  canManage: true,
  canEvaluate: true,
  ...over,
})

export const item = (over: Partial<ServiceItem> = {}): ServiceItem => ({
  id: 11,
  contractId: 3,
  communityId: 1,
  name: '高龄老人入户探访',
  description: '',
  targetGroup: 'elderly',
  unit: 'household_visits',
  targetQuantity: 240,
  tiers: [
    { tier: '高风险', everyDays: 7 },
    { tier: '一般', everyDays: 90 },
  ],
  workers: [{ id: 7, name: '陈社工' }],
  activityIds: [],
  version: 1,
  canManage: false,
  assigned: true,
  ...over,
})

export const beneficiary = (over: Partial<Beneficiary> = {}): Beneficiary => ({
  id: 31,
  itemId: 11,
  name: '王桂兰',
  household: { id: 5, label: '1栋1单元201' },
  tier: '高风险',
  phone: '139****2001',
  notes: '',
  lastServedOn: '2026-11-20',
  dueOn: '2026-11-27',
  overdue: true,
  ...over,
})

export const itemProgress = (over: Partial<ServiceItemProgress> = {}): ServiceItemProgress => ({
  itemId: 11,
  contractId: 3,
  communityId: 1,
  name: '高龄老人入户探访',
  unit: 'household_visits',
  targetQuantity: 240,
  done: 50,
  fromLogs: 50,
  fromActivities: 0,
  doneRatio: 50 / 240,
  elapsedShare: 0.27,
  expectedByNow: 64.8,
  paceRatio: 50 / 64.8,
  targetBand: 0,
  paceBand: 1,
  beneficiaries: 12,
  overdueByTier: [
    { tier: '高风险', everyDays: 7, beneficiaries: 3, overdue: 1 },
    { tier: '一般', everyDays: 90, beneficiaries: 9, overdue: 0 },
  ],
  monthly: [
    { month: '2026-10', done: 30, logs: 30, minutes: 1200 },
    { month: '2026-11', done: 20, logs: 20, minutes: 800 },
  ],
  ...over,
})
