import type { Me, ResidencyClaim } from '@linli/shared'

export const household = { id: 3, communityId: 1, building: '3栋', unit: '2单元', room: '501', communityName: '幸福里社区' }

export function makeClaim(overrides: Partial<ResidencyClaim> = {}): ResidencyClaim {
  return {
    id: 11,
    status: 'pending',
    realName: '周明',
    household,
    claimant: { id: 9, nickname: '小周' },
    reason: null,
    decidedBy: null,
    createdAt: '2026-11-25T06:00:00.000Z',
    decidedAt: null,
    ...overrides,
  }
}

export function makeMe(overrides: Partial<Me> = {}): Me {
  return {
    id: 9,
    nickname: '小周',
    avatarUrl: null,
    birthYear: 1996,
    verified: false,
    isStaff: false,
    grants: [],
    residencies: [],
    claims: [],
    ...overrides,
  }
}
