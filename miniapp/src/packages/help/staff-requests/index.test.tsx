import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { byId, typeInto } from '../../../../test/dom'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { makeServiceRequest, pageOf } from '../../../../test/help-fixtures'
import { session } from '../../../stores/session'
import StaffServiceRequestsPage from '.'

const committee = makeMe({ id: 2, isStaff: true, grants: [{ id: 1, role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区' } }] })
const overdue = makeServiceRequest({ id: 5, ageMinutes: 30 * 60, overdue: true, actions: ['accept', 'decline'] })
const accepted = makeServiceRequest({ id: 6, category: 'cleaning', state: 'accepted', ageMinutes: 90, actions: ['assign'] })
const queue = (items = [overdue, accepted]) => ({ body: { ...pageOf(items), responseHours: 24 } })

describe('居民求助 (staff)', () => {
  beforeEach(() => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: committee })
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 390 })
  })

  it('shows open requests as cards with their age and the overdue flag, and accepts one', async () => {
    const log = installFakeServer({
      'GET /api/me': () => ({ body: committee }),
      'GET /api/service-requests': () => queue(),
      'POST /api/service-requests/5/accept': () => ({ body: { ...overdue, state: 'accepted', overdue: false, actions: ['assign'] } }),
    })
    render(<StaffServiceRequestsPage />)
    const card = await waitFor(() => byId('request-5'))
    expect(card.textContent).toContain('超时未受理')
    expect(card.textContent).toContain('已等 1天6小时')
    expect(byId('request-6').textContent).toContain('已等 1小时')
    expect(log.find((r) => r.url.startsWith('/api/service-requests'))?.url).toBe('/api/service-requests?view=community&state=open&page=1&pageSize=20')
    fireEvent.click(byId('request-accept-5'))
    await waitFor(() => expect(log.some((r) => r.method === 'POST' && r.url === '/api/service-requests/5/accept')).toBe(true))
    expect(await screen.findByText('已受理，居民会收到通知')).toBeTruthy()
  })

  it('will not decline without a reason; filters by state, category and overdue', async () => {
    const log = installFakeServer({
      'GET /api/me': () => ({ body: committee }),
      'GET /api/service-requests': () => queue(),
      'POST /api/service-requests/5/decline': ({ data }) => ({ body: { ...overdue, state: 'declined', declineReason: (data as { reason: string }).reason } }),
    })
    render(<StaffServiceRequestsPage />)
    fireEvent.click(await waitFor(() => byId('request-decline-5')))
    fireEvent.click(await waitFor(() => byId('decline-confirm')))
    expect(await screen.findByText('请写明原因，居民会看到它')).toBeTruthy()
    await typeInto('decline-reason', '请联系物业维修')
    fireEvent.click(byId('decline-confirm'))
    await waitFor(() => expect(log.find((r) => r.method === 'POST')?.data).toEqual({ reason: '请联系物业维修' }))

    fireEvent.click(within(byId('request-category-filter')).getByText('助洁'))
    fireEvent.click(within(byId('request-state-filter')).getByText('只看超时的'))
    await waitFor(() => expect(log.some((r) => r.url === '/api/service-requests?view=community&state=open&category=cleaning&overdue=true&page=1&pageSize=20')).toBe(true))
  })

  it('offers only organisations serving the community, and assigns to the one chosen', async () => {
    const log = installFakeServer({
      'GET /api/me': () => ({ body: committee }),
      'GET /api/service-requests': () => queue(),
      'GET /api/organisations': () => ({
        body: {
          items: [
            { id: 11, name: '启航社会工作服务中心', type: 'social_work', communityIds: [1, 2] },
            { id: 12, name: '长青老年协会', type: 'social_org', communityIds: [4] },
          ],
        },
      }),
      'POST /api/service-requests/6/assign': ({ data }) => ({ body: { ...accepted, state: 'assigned', assignee: { ...(data as { kind: 'organisation'; id: number }), name: '启航社会工作服务中心' }, actions: [] } }),
    })
    render(<StaffServiceRequestsPage />)
    fireEvent.click(await waitFor(() => byId('request-assign-6')))
    const choices = await waitFor(() => {
      const el = byId('assign-choices')
      within(el).getByText('启航社会工作服务中心')
      return el
    })
    expect(within(choices).queryByText('长青老年协会')).toBeNull()
    fireEvent.click(within(choices).getByText('启航社会工作服务中心'))
    fireEvent.click(byId('assign-confirm'))
    await waitFor(() => expect(log.find((r) => r.method === 'POST')?.data).toEqual({ kind: 'organisation', id: 11 }))
  })

  it('lays the queue out as a table at a desk', async () => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1366 })
    installFakeServer({ 'GET /api/me': () => ({ body: committee }), 'GET /api/service-requests': () => queue() })
    render(<StaffServiceRequestsPage />)
    const row = await waitFor(() => byId('request-table-row-5'))
    expect(row.textContent).toContain('超时未受理')
    expect(row.textContent).toContain('1天6小时')
  })
})
