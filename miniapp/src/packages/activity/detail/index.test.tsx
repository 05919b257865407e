import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ActivityDetail, CreateSignup } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { makeDetail, makeMe, makeSignup } from '../../../../test/fixtures'
import { navigations, router } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import ActivityDetailPage from '.'
import { byId, typeInto } from '../../../../test/dom'

function open(detail: ActivityDetail, handlers: Parameters<typeof installFakeServer>[0] = {}) {
  router.params = { id: String(detail.id) }
  const log = installFakeServer({ 'GET /api/activities/21': () => ({ body: detail }), ...handlers })
  render(<ActivityDetailPage />)
  return log
}

const mainAction = async () => waitFor(() => byId('activity-main-action'))

describe('活动详情', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() }))

  it('shows what, when, where, who, seats left, the description and that I have not signed up', async () => {
    open(makeDetail())

    expect((await mainAction()).textContent).toBe('报名')
    const page = document.body.textContent ?? ''
    expect(page).toContain('重阳节包饺子')
    expect(page).toContain('社区活动室（3栋一楼）')
    expect(page).toContain('幸福里社区居委会')
    expect(byId('activity-seats').textContent).toContain('还剩 3 个名额')
    expect(page).toContain('一起包饺子，欢迎带家人来。')
    expect(byId('my-signup-status').textContent).toContain('您还没有报名')
    expect(byId('activity-state').textContent).toContain('报名中')
  })

  it('signs up with a family member in two taps plus the names, and says what happens next', async () => {
    const log = open(makeDetail(), {
      'POST /api/activities/21/signups': ({ data }) => ({
        status: 201,
        body: makeSignup({ companions: (data as CreateSignup).companions, size: 2, reminderAt: '2026-11-24T06:00:00.000Z' }),
      }),
    })

    fireEvent.click(within(await mainAction(), '报名'))
    expect(await screen.findByText(/您将报名「重阳节包饺子」/)).toBeTruthy()
    fireEvent.click(byId('companion-add'))
    await typeInto('companion-name-0', '王秀英')
    await typeInto('companion-relation-0', '老伴')
    fireEvent.click(byId('signup-confirm'))

    // The reminder the server set, not a fixed phrase.
    await waitFor(() => expect(byId('signup-result').textContent).toContain('已报名，活动开始前1天（11月24日 周二 下午2:00）会提醒您'))
    expect(log.find((r) => r.method === 'POST')?.data).toEqual({ role: 'participant', companions: [{ name: '王秀英', relation: '老伴' }], answers: {} })
  })

  it('will not send until required questions and family names are filled in', async () => {
    const log = open(
      makeDetail({ questions: [{ id: 'bus', kind: 'single', title: '是否需要接送', required: true, options: ['需要', '不需要'] }] }),
      { 'POST /api/activities/21/signups': () => ({ status: 201, body: makeSignup({ answers: { bus: '需要' } }) }) },
    )

    fireEvent.click(within(await mainAction(), '报名'))
    fireEvent.click(await waitFor(() => byId('companion-add')))
    fireEvent.click(byId('signup-confirm'))

    expect(await screen.findByText('请选一项')).toBeTruthy()
    expect(screen.getByText('请填写家人的姓名')).toBeTruthy()
    expect(log.some((r) => r.method === 'POST')).toBe(false)

    fireEvent.click(screen.getByText('不带这位家人'))
    fireEvent.click(byId('answer-bus-0'))
    fireEvent.click(byId('signup-confirm'))
    await waitFor(() => byId('signup-result'))
    expect(log.find((r) => r.method === 'POST')?.data).toMatchObject({ answers: { bus: '需要' }, companions: [] })
  })

  it('offers 候补 when full and tells me my place in the queue', async () => {
    open(makeDetail({ seatsTaken: 20, seatState: 'waitlist', waitlistCount: 1 }), {
      'POST /api/activities/21/signups': () => ({ status: 201, body: makeSignup({ status: 'waitlisted', waitlistPosition: 2 }) }),
    })

    fireEvent.click(within(await mainAction(), '候补'))
    fireEvent.click(await waitFor(() => byId('signup-confirm')))

    await waitFor(() => expect(byId('signup-result').textContent).toContain('您在候补第 2 位，有人取消时会通知您'))
  })

  it("shows the server's words when signing up fails", async () => {
    open(makeDetail(), {
      'POST /api/activities/21/signups': () => ({ status: 409, body: { code: 'SEATS_FULL', message: '名额已满，下次早点来报名吧' } }),
    })

    fireEvent.click(within(await mainAction(), '报名'))
    fireEvent.click(await waitFor(() => byId('signup-confirm')))

    await waitFor(() => expect(byId('signup-error').textContent).toBe('名额已满，下次早点来报名吧'))
  })

  it('says 系统正在维护 when the server is down, and 重试 sends the same sign-up with the same key', async () => {
    let tries = 0
    const log = open(makeDetail(), {
      'POST /api/activities/21/signups': () =>
        ++tries === 1 ? { status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '系统正在维护，请稍后再试' } } : { status: 201, body: makeSignup() },
    })

    fireEvent.click(within(await mainAction(), '报名'))
    fireEvent.click(await waitFor(() => byId('signup-confirm')))
    await waitFor(() => expect(byId('signup-error').textContent).toBe('系统正在维护，请稍后再试'))
    expect(byId('signup-confirm').textContent).toBe('重试')

    fireEvent.click(byId('signup-confirm'))
    await waitFor(() => byId('signup-result'))
    const keys = log.filter((r) => r.method === 'POST').map((r) => (r.header as Record<string, string>)['Idempotency-Key'])
    expect(keys).toHaveLength(2)
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(keys[1]).toBe(keys[0])
  })

  it('is a disabled 已满 when full without a waitlist', async () => {
    open(makeDetail({ seatsTaken: 20, seatState: 'full', waitlistEnabled: false }))
    expect((await mainAction()).textContent).toBe('已满')
    expect(byId('activity-unavailable').className).toContain('nut-button-disabled')
    expect(document.body.textContent).toContain('名额已满，这个活动不设候补')
  })

  it('shows the eligibility reason', async () => {
    open(makeDetail({ eligibility: { eligible: false, reason: '这个活动只面向幸福里社区的认证居民，请先认证住户' } }))
    expect((await mainAction()).textContent).toBe('暂时不能报名')
    expect(byId('activity-eligibility').textContent).toContain('请先认证住户')
  })

  it('cancels my sign-up only after I confirm', async () => {
    const signup = makeSignup({ companions: [{ name: '王秀英', relation: '老伴' }], size: 2 })
    const log = open(makeDetail({ seatsTaken: 18, mySignups: [signup] }), {
      'DELETE /api/activities/21/signups/me': () => ({ body: { ...signup, status: 'cancelled' } }),
    })

    expect(await waitFor(() => byId('my-signup-status').textContent)).toContain('您已报名，带 1 位家人（老伴 王秀英）')
    fireEvent.click(byId('signup-cancel'))
    expect(await screen.findByText(/连同 1 位家人/)).toBeTruthy()
    expect(log.some((r) => r.method === 'DELETE')).toBe(false)
    fireEvent.click(byId('signup-cancel-confirm'))

    await waitFor(() => byId('signup-result'))
    expect(log.find((r) => r.method === 'DELETE')?.url).toBe('/api/activities/21/signups/me?role=participant')
  })

  it('accepts an offered seat, showing until when it is held', async () => {
    const offered = makeSignup({ status: 'offered', offerExpiresAt: '2099-11-22T04:00:00.000Z' })
    const log = open(makeDetail({ seatState: 'waitlist', mySignups: [offered] }), {
      'POST /api/signups/301/accept-offer': () => ({ body: { ...offered, status: 'confirmed', reminderAt: null } }),
    })

    expect((await mainAction()).textContent).toBe('接受空位')
    expect(byId('my-signup-status').textContent).toContain('2099年11月22日')
    expect(document.body.textContent).toContain('有空位，待确认')
    fireEvent.click(byId('offer-accept'))

    await waitFor(() => expect(byId('signup-result').textContent).toContain('已报名，活动马上开始，不再另行提醒'))
    expect(log.some((r) => r.method === 'POST' && r.url === '/api/signups/301/accept-offer')).toBe(true)
  })

  it('lets a resident sign up as a volunteer', async () => {
    const log = open(makeDetail({ volunteerSlots: 3 }), {
      'POST /api/activities/21/signups': () => ({ status: 201, body: makeSignup({ role: 'volunteer' }) }),
    })

    fireEvent.click(await waitFor(() => byId('activity-volunteer')))
    fireEvent.click(await waitFor(() => byId('signup-confirm')))

    await waitFor(() => expect(byId('signup-result').textContent).toContain('已报名当志愿者'))
    expect(log.find((r) => r.method === 'POST')?.data).toMatchObject({ role: 'volunteer' })
  })

  it('checks a signed-up resident in with the typed code from the QR', async () => {
    const log = open(makeDetail({ mySignups: [makeSignup()] }), {
      'POST /api/activities/21/checkins': () => ({ status: 201, body: { signup: makeSignup({ status: 'attended' }), action: 'checked_in' } }),
    })

    await waitFor(() => byId('checkin-token'))
    await typeInto('checkin-token', 'linli-checkin:21:tok-abc')
    fireEvent.click(byId('checkin-token-submit'))

    await waitFor(() => expect(byId('checkin-message').textContent).toContain('签到成功'))
    expect(log.find((r) => r.url.endsWith('/checkins'))?.data).toEqual({ token: 'tok-abc' })
  })

  it('gives staff the check-in code, the attendee list and the export', async () => {
    open(makeDetail({ canManage: true, checkinToken: 'tok-abc' }))
    await waitFor(() => byId('activity-checkin-qr'))
    expect(byId('activity-attendees').textContent).toContain('已报 17 / 20 个名额')
    expect(byId('activity-export')).toBeTruthy()
    // A social worker organises, but 代办 is the committee's.
    expect(document.getElementById('activity-assist')).toBeNull()
  })

  it('lets committee staff sign a resident without a smartphone up for it (代办)', async () => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ isStaff: true, grants: [{ id: 1, role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区' } }] }) })
    open(makeDetail({ canManage: true, checkinToken: 'tok-abc' }))
    await waitFor(() => byId('activity-assist'))
    fireEvent.click(screen.getByText('为居民代报名'))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/staff/managed/index?activityId=21' })
  })
})

function within(element: HTMLElement, text: string): HTMLElement {
  const match = Array.from(element.querySelectorAll<HTMLElement>('*')).find((e) => e.textContent === text && e.children.length === 0)
  if (!match) throw new Error(`no "${text}" in #${element.id}`)
  return match
}
