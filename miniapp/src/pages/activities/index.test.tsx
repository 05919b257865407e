import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ActivitySummary } from '@linli/shared'
import { installFakeServer } from '../../../test/fake-server'
import { makeActivity, makeMe } from '../../../test/fixtures'
import { navigations } from '../../../test/taro-shim'
import { meStore, session } from '../../stores/session'
import ActivitiesPage from '.'

const page = (items: ActivitySummary[], total = items.length) => ({ items, total, page: 1, pageSize: 10 })

function card(id: number): HTMLElement {
  const element = document.getElementById(`activity-${id}`)
  if (!element) throw new Error(`no #activity-${id}`)
  return element
}

function logIn(verified = true) {
  session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ verified }) })
  meStore.set(null)
}

describe('活动 tab', () => {
  it('shows each activity with category, time, place, organiser, seats left and a worded status', async () => {
    logIn()
    const log = installFakeServer({
      'GET /api/me': () => ({ body: makeMe({ verified: true }) }),
      'GET /api/activities': () => ({ body: page([makeActivity(), makeActivity({ id: 22, title: '太极拳', seatsTaken: 20, seatState: 'waitlist', waitlistCount: 2 })]) }),
    })

    render(<ActivitiesPage />)

    await waitFor(() => card(21))
    const text = card(21).textContent ?? ''
    expect(text).toContain('重阳节包饺子')
    expect(text).toContain('助老敬老')
    expect(text).toMatch(/11月25日 周三 下午2:00–4:00|明天|今天/)
    expect(text).toContain('社区活动室（3栋一楼）')
    expect(text).toContain('幸福里社区居委会')
    expect(text).toContain('还剩 3 个名额')
    expect(text).toContain('报名中')
    expect(card(22).textContent).toContain('可候补')
    expect(card(22).textContent).toContain('名额已满，已有 2 人候补')
    expect(log.find((r) => r.url.startsWith('/api/activities'))?.url).toBe('/api/activities?range=upcoming&page=1&pageSize=10')
    expect(document.getElementById('activity-verify-prompt')).toBeNull()

    fireEvent.click(card(21))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/activity/detail/index?id=21' })
  })

  it('filters by category and by 往期', async () => {
    logIn()
    const log = installFakeServer({
      'GET /api/me': () => ({ body: makeMe({ verified: true }) }),
      'GET /api/activities': () => ({ body: page([makeActivity()]) }),
    })
    render(<ActivitiesPage />)
    await waitFor(() => card(21))

    fireEvent.click(screen.getByText(/分类：全部/))
    fireEvent.click(screen.getByText('文体活动'))
    expect(await screen.findByText(/分类：文体活动/)).toBeTruthy()
    await waitFor(() => expect(log.some((r) => r.url.includes('category=culture_sports'))).toBe(true))
    fireEvent.click(screen.getByText('往期'))
    await waitFor(() => expect(log.some((r) => r.url.includes('range=past') && r.url.includes('category=culture_sports'))).toBe(true))
  })

  it('still lists activities for a resident who is not verified, with a gentle prompt', async () => {
    logIn(false)
    installFakeServer({
      'GET /api/me': () => ({ body: makeMe() }),
      'GET /api/activities': () => ({ body: page([makeActivity()]) }),
    })

    render(<ActivitiesPage />)

    await waitFor(() => card(21))
    expect(document.getElementById('activity-verify-prompt')?.textContent).toContain('面向所有人的活动现在就能报名')
  })

  it('says why the list is empty, and offers 重试 when it fails', async () => {
    logIn()
    installFakeServer({
      'GET /api/me': () => ({ body: makeMe({ verified: true }) }),
      'GET /api/activities': () => ({ status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '系统正在维护，请稍后再试' } }),
    })
    render(<ActivitiesPage />)
    await screen.findByText('系统正在维护，请稍后再试')

    installFakeServer({
      'GET /api/me': () => ({ body: makeMe({ verified: true }) }),
      'GET /api/activities': () => ({ body: page([]) }),
    })
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('近期还没有活动')).toBeTruthy()
  })
})
