import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { byId, typeInto } from '../../../../test/dom'
import { installFakeServer } from '../../../../test/fake-server'
import { household, makeMe } from '../../../../test/fixtures'
import { makeServiceRequest } from '../../../../test/help-fixtures'
import { session } from '../../../stores/session'
import AskForHelpPage from '.'
import { neededAtOf } from './when'

const residency = { household, source: 'census' as const, verifiedAt: '2026-01-01T00:00:00.000Z' }
const verified = makeMe({ verified: true, residencies: [residency] })

describe('找社区帮忙 (resident)', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: verified }))

  it('asks in two taps: the kind of help, then 提交, for the only household', async () => {
    const log = installFakeServer({
      'GET /api/me': () => ({ body: verified }),
      'POST /api/service-requests': ({ data }) => ({ status: 201, body: makeServiceRequest(data as object) }),
    })
    render(<AskForHelpPage />)
    expect((await screen.findByText(/^上门地址：/)).textContent).toContain('501')
    fireEvent.click(within(byId('ask-category')).getByText('陪诊'))
    fireEvent.click(byId('ask-submit'))
    await waitFor(() =>
      expect(log.find((r) => r.method === 'POST')?.data).toMatchObject({ householdId: 3, category: 'escort', details: '需要陪诊，请社区联系我', neededAt: null }),
    )
    expect(await screen.findByText('已经告诉社区了')).toBeTruthy()
  })

  it('sends what the resident wrote and when, and says what is missing first', async () => {
    const log = installFakeServer({
      'GET /api/me': () => ({ body: verified }),
      'POST /api/service-requests': () => ({ status: 403, body: { code: 'SERVICE_REQUEST_NOT_YOUR_HOUSEHOLD', message: '您只能为自己已认证的住户求助' } }),
    })
    render(<AskForHelpPage />)
    fireEvent.click(await waitFor(() => byId('ask-submit')))
    expect(await screen.findByText('请先点一下需要哪种帮助')).toBeTruthy()
    expect(log.some((r) => r.method === 'POST')).toBe(false)

    fireEvent.click(within(byId('ask-category')).getByText('维修'))
    await typeInto('ask-details', '水龙头滴水')
    fireEvent.click(within(byId('ask-when')).getByText('明天'))
    fireEvent.click(byId('ask-submit'))
    await waitFor(() => expect(log.find((r) => r.method === 'POST')?.data).toMatchObject({ category: 'repair', details: '水龙头滴水' }))
    expect((log.find((r) => r.method === 'POST')?.data as { neededAt: string }).neededAt).toMatch(/T01:00:00.000Z$/)
    expect(await screen.findByText('您只能为自己已认证的住户求助')).toBeTruthy()
  })

  it('sends someone without a verified household to 认证 first', async () => {
    const newcomer = makeMe()
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: newcomer })
    installFakeServer({ 'GET /api/me': () => ({ body: newcomer }) })
    render(<AskForHelpPage />)
    expect(await screen.findByText('请先认证您家的住户')).toBeTruthy()
  })

  it('means 9 a.m. China time by 明天, and nothing by 尽快', () => {
    const lateEvening = new Date('2026-11-25T15:30:00.000Z') // 23:30 in China
    expect(neededAtOf('tomorrow', lateEvening)).toBe('2026-11-26T01:00:00.000Z')
    expect(neededAtOf('dayAfter', lateEvening)).toBe('2026-11-27T01:00:00.000Z')
    expect(neededAtOf('asap', lateEvening)).toBeNull()
  })
})
