import { routes, type AuthResponse } from '@linli/shared'
import { installFakeServer } from '../../test/fake-server'
import { navigations } from '../../test/taro-shim'
import { meStore, session } from '../stores/session'
import { makeMe } from '../../test/fixtures'
import { call } from '.'

const auth: AuthResponse = { token: 'tok-zhang', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() }

describe('the app client over Taro.request', () => {
  it('calls /api on the same origin in H5 with the stored token', async () => {
    session.start(auth)
    const log = installFakeServer({ 'GET /api/me': () => ({ body: auth.me }) })

    await call(routes.me)

    expect(log[0]).toMatchObject({ url: '/api/me', method: 'GET', header: expect.objectContaining({ Authorization: 'Bearer tok-zhang' }) })
  })

  it('on 401 forgets the session and opens the login page', async () => {
    session.start(auth)
    installFakeServer({ 'GET /api/me': () => ({ status: 401, body: { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' } }) })

    await expect(call(routes.me)).rejects.toMatchObject({ message: '登录已过期，请重新登录' })

    expect(session.token()).toBeNull()
    expect(meStore.get()).toBeNull()
    expect(navigations).toEqual([{ method: 'reLaunch', url: '/pages/login/index?from=home' }])
  })
})
