import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { byId, typeInto } from '../../../../test/dom'
import { navigations } from '../../../../test/taro-shim'
import { meStore, session } from '../../../stores/session'
import TakeOverPage from '.'

describe('接手代办账号', () => {
  beforeEach(() => session.start({ token: 'fresh', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() }))

  it('takes the account over with the code and starts afresh as it', async () => {
    const qian = makeMe({ id: 40, nickname: '钱奶奶', verified: true })
    const log = installFakeServer({ 'POST /api/handovers/K7QM3XA2B9CD/accept': () => ({ body: { token: 'qian', expiresAt: '2099-01-01T00:00:00.000Z', me: qian } }) })
    render(<TakeOverPage />)
    await typeInto('take-over-code', ' k7qm3xa2b9cd ')
    fireEvent.click(byId('take-over-submit'))
    await waitFor(() => expect(session.token()).toBe('qian'))
    expect(meStore.get()?.nickname).toBe('钱奶奶')
    expect(log).toHaveLength(1)
    expect(navigations).toContainEqual({ method: 'reLaunch', url: '/pages/mine/index' })
  })

  it('says what is wrong with a code, in the server’s words when it refuses', async () => {
    installFakeServer({
      'POST /api/handovers/K7QM3XA2B9CD/accept': () => ({ status: 409, body: { code: 'HANDOVER_USED', message: '这个接管码已经用过了，账号已经被接管；如有疑问请联系社区工作人员' } }),
    })
    render(<TakeOverPage />)
    await typeInto('take-over-code', '123')
    fireEvent.click(byId('take-over-submit'))
    expect(await screen.findByText('接管码是12位字母或数字，请核对后再输入')).toBeTruthy()
    await typeInto('take-over-code', 'K7QM3XA2B9CD')
    fireEvent.click(byId('take-over-submit'))
    expect(await screen.findByText('这个接管码已经用过了，账号已经被接管；如有疑问请联系社区工作人员')).toBeTruthy()
    expect(session.token()).toBe('fresh')
  })
})
