import { fireEvent, render, waitFor } from '@testing-library/react'
import type { StatsOverview } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { byId } from '../../../../test/dom'
import { makeMe } from '../../../../test/fixtures'
import { session } from '../../../stores/session'
import StatsPage from '.'

const admin = makeMe({ isStaff: true, grants: [{ id: 1, role: 'street_admin', scope: { kind: 'street', id: 1, name: '和平街道' } }] as never })
const committee = makeMe({ isStaff: true, grants: [{ id: 2, role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区' } }] as never })
const communities = [
  { id: 1, name: '幸福里社区', address: '', street: { id: 1, name: '和平街道' }, householdCount: 1 },
  { id: 2, name: '长青里社区', address: '', street: { id: 1, name: '和平街道' }, householdCount: 1 },
  { id: 9, name: '别的街道的社区', address: '', street: { id: 5, name: '别的街道' }, householdCount: 1 },
]

function overview(overrides: Partial<StatsOverview> = {}): StatsOverview {
  return {
    from: '2026-01-01',
    to: '2026-06-30',
    communityIds: [1],
    residentsVerifiedByMonth: [
      { month: '2026-02', count: 3 },
      { month: '2026-03', count: 1 },
    ],
    pendingClaims: { count: 2, olderThanWeek: 1, oldestDays: 10 },
    activitiesByMonth: [
      { month: '2026-03', category: 'elderly_care', count: 1 },
      { month: '2026-04', category: 'culture_sports', count: 2 },
    ],
    signups: { total: 6, attended: 2, noShows: 1, cancelled: 1, attendanceRate: 2 / 3 },
    waitlist: { activitiesFull: 1, activitiesHeld: 3, turnedAway: 2 },
    volunteerMinutesByMonth: [{ month: '2026-03', minutes: 90 }],
    consultations: [{ pollId: 4, communityId: 1, title: '加装电梯', closesAt: '2026-03-20T00:00:00.000Z', status: 'closed', ballots: 3 }],
    articles: { published: 2, reads: 12 },
    communities: [],
    ...overrides,
  }
}

describe('统计 (staff)', () => {
  function open(me: typeof admin, handler: (query: URLSearchParams) => { status?: number; body: unknown }) {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me })
    const log = installFakeServer({
      'GET /api/me': () => ({ body: me }),
      'GET /api/communities': () => ({ body: { items: communities } }),
      'GET /api/stats/overview': ({ query }) => handler(query),
    })
    render(<StatsPage />)
    return log
  }

  beforeEach(() => Object.defineProperty(window, 'innerWidth', { configurable: true, value: 390 }))

  it('shows every chart with its numbers beside it', async () => {
    open(committee, () => ({ body: overview() }))
    const residents = await waitFor(() => byId('chart-residents'))
    expect(residents.textContent).toContain('2026年2月')
    expect(residents.textContent).toContain('3 人')
    expect(byId('chart-activities').textContent).toContain('2026年4月2 场')
    expect(byId('chart-categories').textContent).toContain('文体')
    expect(byId('chart-signups').textContent).toContain('未到场1 人次')
    expect(byId('chart-hours').textContent).toContain('1.5 小时')
    expect(byId('chart-consultations').textContent).toContain('加装电梯3 人')
    expect(byId('stats-attendance').textContent).toContain('66.7%')
    expect(byId('stats-pending').textContent).toContain('最久等了 10 天')
    expect(byId('stats-full').textContent).toContain('1 / 3 场')
    // Committee staff have one community: no picker, no comparison.
    expect(document.getElementById('stats-communities')).toBeNull()
    expect(document.getElementById('stats-compare')).toBeNull()
    expect(document.querySelector('.stats-desk')).toBeNull()
  })

  it('lets a street admin compare the street and pick one community', async () => {
    const log = open(admin, (query) =>
      query.get('communityId')
        ? { body: overview({ communityIds: [2] }) }
        : {
            body: overview({
              communityIds: [1, 2],
              communities: [
                { communityId: 1, name: '幸福里社区', residentsVerified: 4, pendingClaims: 2, activitiesHeld: 2, signups: 6, attended: 2, noShows: 1, volunteerMinutes: 150 },
                { communityId: 2, name: '长青里社区', residentsVerified: 1, pendingClaims: 0, activitiesHeld: 1, signups: 1, attended: 1, noShows: 0, volunteerMinutes: 45 },
              ],
            }),
          },
    )
    expect((await waitFor(() => byId('stats-compare-1'))).textContent).toBe('幸福里社区422622.5')
    // Only the admin's own street is offered.
    await waitFor(() => byId('stats-community-2'))
    expect(document.getElementById('stats-community-9')).toBeNull()
    fireEvent.click(byId('stats-community-2'))
    await waitFor(() => expect(document.getElementById('stats-compare')).toBeNull())
    expect(log.filter((r) => r.url.startsWith('/api/stats/overview')).at(-1)!.url).toBe('/api/stats/overview?communityId=2')
  })

  it('says what is wrong in Chinese when the server refuses', async () => {
    open(committee, () => ({ status: 400, body: { code: 'STATS_RANGE_TOO_LONG', message: '一次最多统计两年的数据，请缩短日期范围后再试' } }))
    await waitFor(() => expect(document.body.textContent).toContain('一次最多统计两年的数据'))
  })

  it('lays the cards out in a grid at a desk', async () => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1366 })
    open(committee, () => ({ body: overview() }))
    await waitFor(() => byId('chart-residents'))
    expect(document.querySelector('.stats-desk .stats-grid')).not.toBeNull()
    expect(byId('stats-export').textContent).toBe('导出Excel')
  })
})
