import { fireEvent, render, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../test/fake-server'
import { byId } from '../../test/dom'
import { makeMe } from '../../test/fixtures'
import { session } from '../stores/session'
import { VolunteerHoursCard } from './VolunteerHoursCard'

const entry = (id: number, minutes: number) => ({ id, activityId: id, activityTitle: `活动${id}`, minutes, createdAt: '2026-03-10T05:00:00.000Z' })

describe('我的志愿服务', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() }))

  it('shows the total, this year and the history page by page', async () => {
    const log = installFakeServer({
      'GET /api/me/volunteer-hours': ({ query }) => ({
        body: {
          totalMinutes: 180,
          thisYearMinutes: 150,
          history: query.get('page') === '2'
            ? { items: [entry(1, 30)], total: 6, page: 2, pageSize: 5 }
            : { items: [6, 5, 4, 3, 2].map((id) => entry(id, 30)), total: 6, page: 1, pageSize: 5 },
        },
      }),
    })
    render(<VolunteerHoursCard />)
    expect((await waitFor(() => byId('mine-hours-total'))).textContent).toBe('累计 3 小时，今年 2.5 小时')
    expect(byId('mine-volunteer-hours').textContent).toContain('活动6')
    fireEvent.click(byId('mine-hours-more'))
    await waitFor(() => expect(byId('mine-volunteer-hours').textContent).toContain('活动1'))
    expect(document.getElementById('mine-hours-more')).toBeNull()
    expect(log.at(-1)!.url).toBe('/api/me/volunteer-hours?pageSize=5&page=2')
  })

  it('stays hidden for someone who has never volunteered', async () => {
    const log = installFakeServer({
      'GET /api/me/volunteer-hours': () => ({ body: { totalMinutes: 0, thisYearMinutes: 0, history: { items: [], total: 0, page: 1, pageSize: 5 } } }),
    })
    render(<VolunteerHoursCard />)
    await waitFor(() => expect(log).toHaveLength(1))
    expect(document.getElementById('mine-volunteer-hours')).toBeNull()
  })
})
