import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../../test/fake-server'
import { makeMe } from '../../../test/fixtures'
import { navigations, router } from '../../../test/taro-shim'
import { session } from '../../stores/session'
import LoginPage from '.'

describe('登录 (H5 demo personas)', () => {
  it('shows every seeded persona as a big button with a Chinese label and a stable id', () => {
    render(<LoginPage />)

    for (const persona of ['resident', 'resident2', 'volunteer', 'social-worker', 'org-staff', 'committee', 'street-admin', 'newcomer']) {
      expect(document.getElementById(`persona-${persona}`)).not.toBeNull()
    }
    expect(document.getElementById('persona-committee')?.textContent).toContain('居委会')
    expect(document.getElementById('persona-newcomer')?.textContent).toContain('还没有认证住户')
  })

  it('logs in as the chosen persona and returns to the page that asked', async () => {
    router.params = { from: 'mine' }
    const log = installFakeServer({
      'POST /api/auth/dev': () => ({ body: { token: 'tok-new', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() } }),
    })
    render(<LoginPage />)

    fireEvent.click(screen.getByText('小周'))

    await waitFor(() => expect(session.token()).toBe('tok-new'))
    expect(log[0].data).toEqual({ persona: 'newcomer' })
    expect(navigations).toEqual([{ method: 'reLaunch', url: '/pages/mine/index' }])
  })

  it("shows the server's message when demo login is off", async () => {
    installFakeServer({ 'POST /api/auth/dev': () => ({ status: 403, body: { code: 'DEV_LOGIN_DISABLED', message: '体验登录已关闭，请从微信小程序登录' } }) })
    render(<LoginPage />)

    fireEvent.click(screen.getByText('赵主任'))

    expect(await screen.findByText('体验登录已关闭，请从微信小程序登录')).toBeTruthy()
    expect(session.isLoggedIn()).toBe(false)
  })
})
