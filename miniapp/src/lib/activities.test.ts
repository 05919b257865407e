import type { SignupQuestion } from '@linli/shared'
import { makeActivity, makeDetail, makeSignup } from '../../test/fixtures'
import {
  activityChip,
  checkinQrContent,
  mainActionOf,
  parseCheckinCode,
  parseCheckinScene,
  seatsLine,
  signupChip,
  signupResultText,
  validateAnswers,
  validateCompanions,
  volunteerActionOf,
} from './activities'

const now = new Date('2026-11-21T02:00:00Z')

describe('seat wording', () => {
  it('says how many seats are left while sign-up is open', () => {
    expect(seatsLine(makeActivity({ seats: 20, seatsTaken: 17 }))).toBe('还剩 3 个名额（共 20 个）')
  })

  it('says full, and how many wait, when the waitlist is open', () => {
    expect(seatsLine(makeActivity({ seatsTaken: 20, seatState: 'waitlist', waitlistCount: 4 }))).toBe('名额已满，已有 4 人候补')
    expect(seatsLine(makeActivity({ seatsTaken: 20, seatState: 'waitlist' }))).toBe('名额已满，可以候补')
    expect(seatsLine(makeActivity({ seatsTaken: 20, seatState: 'full' }))).toBe('名额已满')
  })

  it('gives totals once sign-up is over, and handles volunteer-only activities', () => {
    expect(seatsLine(makeActivity({ seatState: 'ended' }))).toBe('共 20 个名额，17 人报名')
    expect(seatsLine(makeActivity({ seats: 0, volunteerSlots: 5 }))).toBe('只招志愿者')
  })

  it('puts a word on every chip, drafts included', () => {
    expect(activityChip(makeActivity({ seatState: 'open' }))).toEqual({ label: '报名中', tone: 'approved' })
    expect(activityChip(makeActivity({ seatState: 'waitlist' })).label).toBe('可候补')
    expect(activityChip(makeActivity({ seatState: 'full' })).label).toBe('已满')
    expect(activityChip(makeActivity({ seatState: 'ended' })).label).toBe('已结束')
    expect(activityChip(makeActivity({ seatState: 'not_open' })).label).toBe('未开始报名')
    expect(activityChip(makeActivity({ seatState: 'closed' })).label).toBe('报名已截止')
    expect(activityChip(makeActivity({ seatState: 'cancelled' })).label).toBe('已取消')
    expect(activityChip(makeActivity({ status: 'draft' })).label).toBe('草稿')
    expect(signupChip('offered').label).toBe('有空位，待确认')
  })
})

describe('the main action on an activity page', () => {
  it('is 报名 when open and I may, 候补 when full with a waitlist, a disabled 已满 without one', () => {
    expect(mainActionOf(makeDetail(), now).kind).toBe('signup')
    expect(mainActionOf(makeDetail({ seatState: 'waitlist' }), now)).toMatchObject({ kind: 'waitlist', label: '候补' })
    expect(mainActionOf(makeDetail({ seatState: 'full', waitlistEnabled: false }), now)).toMatchObject({ kind: 'none', label: '已满' })
  })

  it('explains why when I may not sign up', () => {
    const detail = makeDetail({ eligibility: { eligible: false, reason: '这个活动只面向幸福里社区的认证居民' } })
    expect(mainActionOf(detail, now)).toEqual({ kind: 'none', label: '暂时不能报名', note: '这个活动只面向幸福里社区的认证居民' })
  })

  it('lets me cancel before the deadline, not after', () => {
    const signedUp = makeDetail({ mySignups: [makeSignup()], cancelDeadline: '2026-11-24T10:00:00.000Z' })
    expect(mainActionOf(signedUp, now)).toMatchObject({ kind: 'cancel', label: '取消报名' })
    expect(mainActionOf(signedUp, new Date('2026-11-24T11:00:00Z'))).toMatchObject({ kind: 'none', label: '已报名' })
  })

  it('offers 接受空位 when a seat is held for me, 取消候补 while waiting', () => {
    const offered = makeSignup({ status: 'offered', offerExpiresAt: '2026-11-22T04:00:00.000Z' })
    expect(mainActionOf(makeDetail({ seatState: 'waitlist', mySignups: [offered] }), now)).toMatchObject({ kind: 'accept' })
    const waiting = makeSignup({ status: 'waitlisted', waitlistPosition: 2 })
    expect(mainActionOf(makeDetail({ seatState: 'waitlist', mySignups: [waiting] }), now)).toMatchObject({ kind: 'cancel', label: '取消候补' })
  })

  it('ignores cancelled sign-ups, and shows the state words when sign-up is not possible', () => {
    expect(mainActionOf(makeDetail({ mySignups: [makeSignup({ status: 'cancelled' })] }), now).kind).toBe('signup')
    expect(mainActionOf(makeDetail({ seatState: 'not_open' }), now)).toMatchObject({ kind: 'none', label: '未开始报名' })
    expect(mainActionOf(makeDetail({ seatState: 'ended', mySignups: [makeSignup()] }), now)).toMatchObject({ kind: 'none', label: '已结束' })
  })

  it('shows the volunteer button only when volunteers are wanted', () => {
    expect(volunteerActionOf(makeDetail())).toBeNull()
    expect(volunteerActionOf(makeDetail({ volunteerSlots: 3 }))).toEqual({ kind: 'join' })
    expect(volunteerActionOf(makeDetail({ volunteerSlots: 3, volunteersTaken: 3 }))).toEqual({ kind: 'full' })
    const mine = makeSignup({ role: 'volunteer' })
    expect(volunteerActionOf(makeDetail({ volunteerSlots: 3, mySignups: [mine] }))).toEqual({ kind: 'cancel', signup: mine })
  })

  it('words the result in plain Chinese, promising the reminder the server set and no other', () => {
    const startsAt = '2099-11-25T06:00:00.000Z' // 周三 下午2:00 in China
    expect(signupResultText(makeSignup({ reminderAt: '2099-11-25T04:00:00.000Z' }), startsAt)).toBe('已报名，活动开始前2小时（11月25日 周三 中午12:00）会提醒您'.replace('11月25日', '2099年11月25日'))
    expect(signupResultText(makeSignup({ reminderAt: '2099-11-24T06:00:00.000Z', role: 'volunteer' }), startsAt)).toBe(
      '已报名当志愿者，谢谢您！活动开始前1天（2099年11月24日 周二 下午2:00）会提醒您',
    )
    expect(signupResultText(makeSignup({ reminderAt: null }), startsAt)).toBe('已报名，活动马上开始，不再另行提醒，请按时参加')
    expect(signupResultText(makeSignup({ status: 'waitlisted', waitlistPosition: 3 }), startsAt)).toBe('您在候补第 3 位，有人取消时会通知您')
  })
})

describe('checking a sign-up form before sending it', () => {
  const questions: SignupQuestion[] = [
    { id: 'diet', kind: 'text', title: '有什么忌口', required: true, options: [] },
    { id: 'bus', kind: 'single', title: '是否需要接送', required: true, options: ['需要', '不需要'] },
    { id: 'help', kind: 'multiple', title: '能帮什么忙', required: false, options: ['擀皮', '包', '煮'] },
  ]

  it('asks for every required answer', () => {
    expect(validateAnswers(questions, { diet: '  ' })).toEqual({ diet: '请填写这一项', bus: '请选一项' })
  })

  it('accepts valid answers and refuses options that are not offered', () => {
    expect(validateAnswers(questions, { diet: '不吃香菜', bus: '需要', help: ['包'] })).toEqual({})
    expect(validateAnswers(questions, { diet: '无', bus: '也许', help: ['唱歌'] })).toEqual({ bus: '请从选项里选', help: '请从选项里选' })
  })

  it('wants a name and a relation for each family member, within the limit', () => {
    expect(validateCompanions([{ name: '王秀英', relation: '老伴' }], 2)).toEqual({ rows: [{}], overall: undefined })
    expect(validateCompanions([{ name: ' ', relation: '' }], 2).rows[0]).toEqual({ name: '请填写家人的姓名', relation: '请填写是您的什么人，比如：老伴' })
    expect(validateCompanions([{ name: 'a', relation: 'b' }, { name: 'c', relation: 'd' }], 1).overall).toBe('这个活动最多带 1 位家人')
  })
})

describe('check-in codes', () => {
  it('reads back what the staff QR holds, and a bare typed token', () => {
    expect(parseCheckinCode(checkinQrContent(42, 'abc123'))).toEqual({ activityId: 42, token: 'abc123' })
    expect(parseCheckinCode('  abc123 ')).toEqual({ token: 'abc123' })
    expect(parseCheckinCode('   ')).toBeNull()
    expect(parseCheckinCode('linli-checkin:x:abc')).toBeNull()
  })
})

describe('parseCheckinScene', () => {
  it("reads a mini-program code's scene, raw, encoded or inside the scanned path", () => {
    expect(parseCheckinScene('21.tok-abc_9')).toEqual({ activityId: 21, token: 'tok-abc_9' })
    expect(parseCheckinScene('packages/activity/checkin/index?scene=21.tok-abc')).toEqual({ activityId: 21, token: 'tok-abc' })
    expect(parseCheckinScene(encodeURIComponent('21.tok'))).toEqual({ activityId: 21, token: 'tok' })
    expect(parseCheckinCode('21.tok')).toEqual({ activityId: 21, token: 'tok' })
    expect(parseCheckinScene('tok-abc')).toBeNull()
    expect(parseCheckinScene('x.tok')).toBeNull()
  })
})
