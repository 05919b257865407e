import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { byId, typeInto } from '../../../../test/dom'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { makeServiceRequest, pageOf } from '../../../../test/help-fixtures'
import { router } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import MyServiceRequestsPage from '.'

describe('我的求助', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ verified: true }) }))

  it('says where each request stands in words, and confirms one with a rating', async () => {
    const done = makeServiceRequest({ id: 5, state: 'done', doneNote: '已陪老人看完医生', assignee: { kind: 'volunteer', id: 4, name: '王小芳' }, actions: ['confirm'] })
    const declined = makeServiceRequest({ id: 6, category: 'repair', state: 'declined', declineReason: '请联系物业' })
    const log = installFakeServer({
      'GET /api/service-requests': () => ({ body: { ...pageOf([done, declined]), responseHours: 24 } }),
      'POST /api/service-requests/5/confirm': ({ data }) => ({ body: { ...done, state: 'confirmed', actions: [], ...(data as object) } }),
    })
    render(<MyServiceRequestsPage />)
    const card = await waitFor(() => byId('request-5'))
    expect(card.textContent).toContain('已办好，请您确认')
    expect(card.textContent).toContain('服务人员：王小芳')
    expect(byId('request-6').textContent).toContain('社区暂时办不了')
    expect(byId('request-6').textContent).toContain('原因：请联系物业')
    expect(log[0].url).toBe('/api/service-requests?view=mine&pageSize=50')

    fireEvent.click(byId('request-confirm-5'))
    fireEvent.click(await waitFor(() => within(byId('request-rating')).getByText('4分')))
    await typeInto('request-comment', '小王很耐心')
    fireEvent.click(byId('request-dialog-confirm'))
    await waitFor(() => expect(log.find((r) => r.method === 'POST')?.data).toEqual({ rating: 4, comment: '小王很耐心' }))
    expect(await screen.findByText('谢谢您的评价')).toBeTruthy()
  })

  it('cancels only after saying what cancelling means, and shows the server’s words when it is too late', async () => {
    const log = installFakeServer({
      'GET /api/service-requests': () => ({ body: { ...pageOf([makeServiceRequest({ actions: ['cancel'] })]), responseHours: 24 } }),
      'POST /api/service-requests/5/cancel': () => ({ status: 409, body: { code: 'SERVICE_REQUEST_NOT_CANCELLABLE', message: '服务人员已经开始办了，不能再取消' } }),
    })
    render(<MyServiceRequestsPage />)
    fireEvent.click(await waitFor(() => byId('request-cancel-5')))
    expect(await screen.findByText('取消后社区就不再安排了，需要时可以重新求助。')).toBeTruthy()
    fireEvent.click(byId('request-dialog-confirm'))
    expect(await screen.findByText('服务人员已经开始办了，不能再取消')).toBeTruthy()
    expect(log.filter((r) => r.method === 'POST')).toHaveLength(1)
  })

  it('lets a volunteer take on what was given to them (opened from a message)', async () => {
    router.params = { view: 'assigned' }
    const assigned = makeServiceRequest({ state: 'assigned', actions: ['start'] })
    const log = installFakeServer({
      'GET /api/service-requests': () => ({ body: { ...pageOf([assigned]), responseHours: 24 } }),
      'POST /api/service-requests/5/start': () => ({ body: { ...assigned, state: 'started', actions: ['done'] } }),
    })
    render(<MyServiceRequestsPage />)
    fireEvent.click(await waitFor(() => byId('request-start-5')))
    await waitFor(() => expect(log.some((r) => r.method === 'POST' && r.url.endsWith('/start'))).toBe(true))
    expect(log[0].url).toBe('/api/service-requests?view=assigned&pageSize=50')
  })
})
