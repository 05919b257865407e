import { fireEvent, render, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../../../test/fake-server'
import { byId } from '../../../../test/dom'
import { makeMe } from '../../../../test/fixtures'
import { navigations, router } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import DeskConfirmPage, { deskTicketOf } from '.'

const TICKET = 'AbCdEfGhIjKlMnOpQrSt-_'
const state = (status: string) => () => ({
  body: { status, label: 'Chrome · Windows', createdAt: '2099-01-01T02:00:00.000Z', expiresAt: '2099-01-01T02:02:00.000Z', session: null },
})

describe('电脑登录确认 (staff phone)', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() }))

  it('reads the ticket from a scanned code or a link, and nothing else', () => {
    expect(deskTicketOf({ scene: encodeURIComponent(`d=${TICKET}`) })).toBe(TICKET)
    expect(deskTicketOf({ ticket: TICKET })).toBe(TICKET)
    expect(deskTicketOf({ scene: 'i=K7QM3X' })).toBeUndefined()
    expect(deskTicketOf({ ticket: 'short' })).toBeUndefined()
  })

  it('shows which desk asks and when, and 确认登录 confirms it (without ever asking for the session)', async () => {
    router.params = { scene: encodeURIComponent(`d=${TICKET}`) }
    const log = installFakeServer({
      [`GET /api/desk-logins/${TICKET}`]: state('pending'),
      [`POST /api/desk-logins/${TICKET}/confirm`]: () => ({ body: { ok: true } }),
    })
    render(<DeskConfirmPage />)
    expect((await waitFor(() => byId('desk-confirm-label'))).textContent).toBe('电脑：Chrome · Windows')
    expect(byId('desk-confirm').textContent).toContain('请求时间：')
    fireEvent.click(byId('desk-confirm-yes'))
    expect((await waitFor(() => byId('desk-confirm-result'))).textContent).toContain('电脑已登录')
    expect(log.map((r) => `${r.method} ${r.url}`)).toEqual([`GET /api/desk-logins/${TICKET}`, `POST /api/desk-logins/${TICKET}/confirm`])
  })

  it('取消 confirms nothing', async () => {
    router.params = { ticket: TICKET }
    const log = installFakeServer({ [`GET /api/desk-logins/${TICKET}`]: state('pending') })
    render(<DeskConfirmPage />)
    fireEvent.click(await waitFor(() => byId('desk-confirm-no')))
    expect(byId('desk-confirm-result').textContent).toContain('已取消')
    expect(log.every((r) => r.method !== 'POST')).toBe(true)
  })

  it("shows the server's plain reason when the confirm is refused (not staff)", async () => {
    router.params = { ticket: TICKET }
    installFakeServer({
      [`GET /api/desk-logins/${TICKET}`]: state('pending'),
      [`POST /api/desk-logins/${TICKET}/confirm`]: () => ({
        status: 403,
        body: { code: 'DESK_LOGIN_NOT_STAFF', message: '只有工作人员可以登录电脑工作台；如需开通请联系社区或街道的管理员邀请您' },
      }),
    })
    render(<DeskConfirmPage />)
    fireEvent.click(await waitFor(() => byId('desk-confirm-yes')))
    expect((await waitFor(() => byId('desk-confirm-error'))).textContent).toContain('只有工作人员可以登录电脑工作台')
  })

  it('says an expired QR must be refreshed on the desk', async () => {
    router.params = { ticket: TICKET }
    installFakeServer({ [`GET /api/desk-logins/${TICKET}`]: state('expired') })
    render(<DeskConfirmPage />)
    expect((await waitFor(() => byId('desk-confirm-result'))).textContent).toContain('二维码已经过期了')
  })

  it('sends someone not logged in to log in first, keeping the scanned code', async () => {
    session.clear()
    router.path = '/packages/staff/desk-confirm/index'
    router.params = { scene: encodeURIComponent(`d=${TICKET}`) }
    installFakeServer({})
    render(<DeskConfirmPage />)
    await waitFor(() => expect(navigations[0]?.method).toBe('reLaunch'))
    expect(navigations[0].url).toBe(`/pages/login/index?from=deskConfirm&scene=${encodeURIComponent(`d=${TICKET}`)}`)
  })
})
