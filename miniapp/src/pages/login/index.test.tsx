import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../../test/fake-server'
import { makeMe } from '../../../test/fixtures'
import { navigations, router } from '../../../test/taro-shim'
import { session } from '../../stores/session'
import LoginPage from '.'

const health = (devLogin: boolean) => () => ({
  body: { status: 'ok', version: 't', database: { kind: 'sqlite', ok: true, latencyMs: 1 }, devLogin, wechat: false },
})

describe('登录 (H5 demo personas)', () => {
  beforeEach(() => installFakeServer({ 'GET /api/health': health(true) }))

  it('shows every seeded persona as a big button with a Chinese label and a stable id', async () => {
    render(<LoginPage />)
    await screen.findByText('小周')

    for (const persona of ['resident', 'resident2', 'volunteer', 'social-worker', 'org-staff', 'committee', 'street-admin', 'newcomer']) {
      expect(document.getElementById(`persona-${persona}`)).not.toBeNull()
    }
    expect(document.getElementById('persona-committee')?.textContent).toContain('居委会')
    expect(document.getElementById('persona-newcomer')?.textContent).toContain('还没有认证住户')
  })

  it('logs in as the chosen persona and returns to the page that asked', async () => {
    router.params = { from: 'mine' }
    const log = installFakeServer({
      'GET /api/health': health(true),
      'POST /api/auth/dev': () => ({ body: { token: 'tok-new', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() } }),
    })
    render(<LoginPage />)

    fireEvent.click(await screen.findByText('小周'))

    await waitFor(() => expect(session.token()).toBe('tok-new'))
    expect(log[1].data).toEqual({ persona: 'newcomer' })
    expect(navigations).toEqual([{ method: 'reLaunch', url: '/pages/mine/index' }])
  })

  it("shows the server's message when demo login is off", async () => {
    installFakeServer({
      'GET /api/health': health(true),
      'POST /api/auth/dev': () => ({ status: 403, body: { code: 'DEV_LOGIN_DISABLED', message: '体验登录已关闭，请从微信小程序登录' } }),
    })
    render(<LoginPage />)

    fireEvent.click(await screen.findByText('赵主任'))

    expect(await screen.findByText('体验登录已关闭，请从微信小程序登录')).toBeTruthy()
    expect(session.isLoggedIn()).toBe(false)
  })
})

const TICKET = 'AbCdEfGhIjKlMnOpQrStUv'
const KEY = 'KkKkKkKkKkKkKkKkKkKkKk'
const ticket = (over: Record<string, unknown> = {}) => ({
  body: {
    ticket: TICKET,
    key: KEY,
    expiresAt: new Date(Date.now() + 120_000).toISOString(),
    link: `http://linli.test/#/packages/staff/desk-confirm/index?scene=d%3D${TICKET}`,
    page: 'packages/staff/desk-confirm/index',
    scene: `d=${TICKET}`,
    image: null,
    label: 'Chrome · Windows',
    ...over,
  },
})
const state = (status: string, session: unknown = null) => () => ({
  body: { status, label: 'Chrome · Windows', createdAt: '2099-01-01T00:00:00.000Z', expiresAt: '2099-01-01T00:02:00.000Z', session },
})

describe('登录 at a desk (H5 without demo login)', () => {
  it('shows the QR with a countdown, waits for the phone, then stores the desk session and enters the app', async () => {
    router.params = { from: 'mine' }
    let confirmed = false
    const log = installFakeServer({
      'GET /api/health': health(false),
      'POST /api/desk-logins': () => ticket(),
      [`GET /api/desk-logins/${TICKET}`]: ({ query }) =>
        state(confirmed ? 'confirmed' : 'pending', confirmed && query.get('key') === KEY ? { token: 'desk-tok', expiresAt: '2099-01-01T12:00:00.000Z', me: makeMe() } : null)(),
    })
    render(<LoginPage />)

    // No persona picker: this is a real desk.
    await waitFor(() => expect(document.getElementById('desk-login-qr')).not.toBeNull())
    expect(document.getElementById('persona-committee')).toBeNull()
    expect(document.getElementById('desk-login-qr')?.getAttribute('src')).toMatch(/^data:image\/gif;base64,/)
    expect(document.getElementById('desk-login-countdown')?.textContent).toMatch(/^二维码 1(19|20) 秒内有效$/)
    expect(document.body.textContent).toContain('Chrome · Windows')
    await waitFor(() => expect(log.some((r) => r.url.startsWith(`/api/desk-logins/${TICKET}?key=${KEY}`))).toBe(true))
    expect(session.isLoggedIn()).toBe(false)

    confirmed = true
    await waitFor(() => expect(session.token()).toBe('desk-tok'), { timeout: 4000 })
    expect(navigations).toEqual([{ method: 'reLaunch', url: '/pages/mine/index' }])
  })

  it('offers 刷新二维码 once the ticket has expired, which asks for a new one', async () => {
    let asked = 0
    installFakeServer({
      'GET /api/health': health(false),
      'POST /api/desk-logins': () => (++asked === 1 ? ticket({ expiresAt: new Date(Date.now() - 1000).toISOString() }) : ticket()),
      [`GET /api/desk-logins/${TICKET}`]: state('pending'),
    })
    render(<LoginPage />)

    await waitFor(() => expect(document.getElementById('desk-login-over')?.textContent).toContain('二维码已过期'))
    fireEvent.click(document.getElementById('desk-login-refresh')!)
    await waitFor(() => expect(document.getElementById('desk-login-qr')).not.toBeNull())
    expect(asked).toBe(2)
  })

  it('lets the demo show the desk QR too, from a button above the personas', async () => {
    installFakeServer({ 'GET /api/health': health(true), 'POST /api/desk-logins': () => ticket(), [`GET /api/desk-logins/${TICKET}`]: state('pending') })
    render(<LoginPage />)
    fireEvent.click(await screen.findByText('工作人员在电脑上：用手机扫码登录'))
    await waitFor(() => expect(document.getElementById('desk-login-qr')).not.toBeNull())
  })
})
