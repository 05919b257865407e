import type { ServiceRequest, Wish } from '@linli/shared'

export function makeServiceRequest(overrides: Partial<ServiceRequest> = {}): ServiceRequest {
  return {
    id: 5,
    communityId: 1,
    communityName: '幸福里社区',
    householdId: 3,
    householdLabel: '3栋2单元501',
    category: 'escort',
    details: '下周二陪我去医院',
    neededAt: null,
    contactName: '',
    serviceItemId: null,
    state: 'submitted',
    requesterId: 9,
    requesterName: '张阿姨',
    enteredByStaff: false,
    declineReason: null,
    assignee: null,
    doneNote: null,
    rating: null,
    comment: null,
    createdAt: '2026-11-25T06:00:00.000Z',
    updatedAt: '2026-11-25T06:00:00.000Z',
    ageMinutes: 30,
    overdue: false,
    actions: [],
    ...overrides,
  }
}

export function makeWish(overrides: Partial<Wish> = {}): Wish {
  return {
    id: 8,
    communityId: 1,
    communityName: '幸福里社区',
    beneficiary: '王*',
    beneficiaryName: null,
    title: '一双防滑棉鞋',
    story: '冬天下楼怕滑倒。',
    state: 'published',
    claimer: null,
    claimedByMe: false,
    deliveryNote: null,
    createdAt: '2026-11-25T06:00:00.000Z',
    claimedAt: null,
    deliveredAt: null,
    confirmedAt: null,
    actions: ['claim'],
    ...overrides,
  }
}

export const pageOf = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 50 })
