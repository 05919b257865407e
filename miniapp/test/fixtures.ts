import type { ActivityDetail, ActivitySummary, Me, ResidencyClaim, Signup } from '@linli/shared'

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
    pendingNickname: null,
    avatarUrl: null,
    birthYear: 1996,
    verified: false,
    isStaff: false,
    grants: [],
    residencies: [],
    claims: [],
    phone: null,
    ...overrides,
  }
}

export function makeActivity(overrides: Partial<ActivitySummary> = {}): ActivitySummary {
  return {
    id: 21,
    communityId: 1,
    communityName: '幸福里社区',
    organiser: { kind: 'committee', id: 1, name: '幸福里社区居委会' },
    title: '重阳节包饺子',
    category: 'elderly_care',
    coverUrl: null,
    place: '社区活动室（3栋一楼）',
    startsAt: '2026-11-25T06:00:00.000Z',
    endsAt: '2026-11-25T08:00:00.000Z',
    signupOpensAt: '2026-11-18T00:00:00.000Z',
    signupClosesAt: '2026-11-24T10:00:00.000Z',
    status: 'published',
    seats: 20,
    seatsTaken: 17,
    volunteerSlots: 0,
    volunteersTaken: 0,
    waitlistCount: 0,
    seatState: 'open',
    seriesId: null,
    ...overrides,
  }
}

export function makeSignup(overrides: Partial<Signup> = {}): Signup {
  return {
    id: 301,
    activityId: 21,
    role: 'participant',
    status: 'confirmed',
    companions: [],
    answers: {},
    size: 1,
    waitlistPosition: null,
    offerExpiresAt: null,
    checkinCode: 'K7Q2M9XA',
    checkedInAt: null,
    checkedOutAt: null,
    hours: null,
    createdAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  }
}

export function makeDetail(overrides: Partial<ActivityDetail> = {}): ActivityDetail {
  return {
    ...makeActivity(),
    description: '一起包饺子，欢迎带家人来。',
    cancelDeadline: '2099-11-24T10:00:00.000Z',
    audience: { kind: 'anyone', buildings: [], minAge: null, maxAge: null },
    questions: [],
    companionsAllowed: 2,
    waitlistEnabled: true,
    offerHoldMinutes: 120,
    reminderMinutes: 1440,
    cancelReason: null,
    mySignups: [],
    eligibility: { eligible: true, reason: null },
    checkinToken: null,
    canManage: false,
    ...overrides,
  }
}
