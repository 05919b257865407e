import Taro from '@tarojs/taro'
import { makeMe } from '../../test/fixtures'
import { meStore, session } from './session'

describe('session', () => {
  it('keeps the token in Taro storage and me in memory', () => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() })

    expect(session.token()).toBe('tok')
    expect(Taro.getStorageSync('linli.session')).toMatchObject({ token: 'tok' })
    expect(meStore.get()?.nickname).toBe('小周')
  })

  it('treats an expired token as logged out and forgets it', () => {
    Taro.setStorageSync('linli.session', { token: 'old', expiresAt: '2020-01-01T00:00:00.000Z' })

    expect(session.isLoggedIn()).toBe(false)
    expect(Taro.getStorageSync('linli.session')).toBe('')
  })

  it('logs out completely', () => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() })
    session.clear()

    expect(session.token()).toBeNull()
    expect(meStore.get()).toBeNull()
  })
})
