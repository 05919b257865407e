import { fireEvent, render, waitFor } from '@testing-library/react'
import type { ArticleDetail } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { makeActivity, makeMe } from '../../../../test/fixtures'
import { makePollItem } from '../../../../test/poll-fixtures'
import { navigations, router } from '../../../../test/taro-shim'
import { byId } from '../../../../test/dom'
import { meStore, session } from '../../../stores/session'
import ArticleFormPage from '.'

const committee = makeMe({ isStaff: true, grants: [{ id: 1, role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区' } }] })
const community = { id: 1, name: '幸福里社区', address: '和平路88号', street: { id: 1, name: '和平街道' }, householdCount: 144 }
const polls = [
  makePollItem({ id: 8, title: '小区南门增设电动自行车充电棚', phase: 'open' }),
  makePollItem({ id: 9, title: '还没发布的议题', phase: 'draft' }),
  makePollItem({ id: 5, title: '中心广场增设休闲座椅', phase: 'published' }),
]
const saved: ArticleDetail = {
  id: 30,
  communityId: 1,
  communityName: '幸福里社区',
  kind: 'notice',
  title: '充电棚投票开始了',
  coverUrl: null,
  summary: '',
  pinned: false,
  status: 'draft',
  publishedAt: null,
  updatedAt: null,
  readCount: 0,
  activityId: null,
  pollId: 8,
  body: '',
  author: '幸福里社区居委会',
  activity: null,
  canManage: true,
}

/** Opens the form (on article 30 when editing) and returns the request log. */
function open(handlers: Parameters<typeof installFakeServer>[0] = {}, id?: number) {
  session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: committee })
  meStore.set(committee)
  router.params = id ? { id: String(id) } : {}
  const log = installFakeServer({
    'GET /api/me': () => ({ body: committee }),
    'GET /api/communities': () => ({ body: { items: [community] } }),
    'GET /api/organisations': () => ({ body: { items: [] } }),
    'GET /api/activities': () => ({ body: { items: [], total: 0, page: 1, pageSize: 6 } }),
    'GET /api/polls': () => ({ body: { items: polls, total: polls.length, page: 1, pageSize: 10 } }),
    ...handlers,
  })
  render(<ArticleFormPage />)
  return log
}
const sent = (log: { method?: string; url: string; data?: unknown }[], method: string) => log.filter((r) => r.method === method).map((r) => r.data as Record<string, unknown>)

describe('写文章：关联议事投票', () => {
  it('offers the community’s consultations residents can see, and sends the chosen one', async () => {
    const log = open({ 'POST /api/articles': () => ({ status: 201, body: saved }) })
    await waitFor(() => byId('article-poll-8'))
    const asked = log.find((r) => r.url.startsWith('/api/polls'))!.url
    expect(new URLSearchParams(asked.split('?')[1]).get('manage')).toBe('true')
    expect(new URLSearchParams(asked.split('?')[1]).get('communityId')).toBe('1')
    expect(byId('article-poll').textContent).toContain('小区南门增设电动自行车充电棚（投票中）')
    expect(byId('article-poll').textContent).toContain('中心广场增设休闲座椅（已公示）')
    expect(document.getElementById('article-poll-9')).toBeNull()
    expect(byId('article-poll-none').textContent).toBe('✓ 不关联议事投票')

    fireEvent.input(byId('article-title-input'), { target: { value: '充电棚投票开始了' }, detail: { value: '充电棚投票开始了' } })
    fireEvent.click(byId('article-poll-8'))
    expect(byId('article-poll-8').textContent).toBe('✓ 小区南门增设电动自行车充电棚（投票中）')
    fireEvent.click(byId('article-when-draft'))
    fireEvent.click(byId('article-submit'))

    await waitFor(() => expect(sent(log, 'POST')).toHaveLength(1))
    expect(sent(log, 'POST')[0]).toMatchObject({ communityId: 1, title: '充电棚投票开始了', pollId: 8, activityId: null })
    await waitFor(() => expect(navigations).toContainEqual({ method: 'redirectTo', url: '/packages/staff/articles/index' }))
  })

  it('unlinks the consultation of an article being edited', async () => {
    const log = open(
      {
        'GET /api/articles/30': () => ({ body: saved }),
        'PATCH /api/articles/30': () => ({ body: { ...saved, pollId: null } }),
      },
      30,
    )
    await waitFor(() => expect(byId('article-poll-8').textContent).toBe('✓ 小区南门增设电动自行车充电棚（投票中）'))
    fireEvent.click(byId('article-poll-none'))
    fireEvent.click(byId('article-when-draft'))
    fireEvent.click(byId('article-submit'))

    await waitFor(() => expect(sent(log, 'PATCH')).toHaveLength(1))
    expect(sent(log, 'PATCH')[0]).toMatchObject({ title: '充电棚投票开始了', pollId: null })
    expect(sent(log, 'PATCH')[0]).not.toHaveProperty('communityId')
  })
})

describe('写文章：活动回顾里放进活动的人数和照片', () => {
  const title = '<img src=x onerror="window.__xss=1">'
  const coverUrl = '/nothing.png" onerror="window.__xss=2'
  const activity = makeActivity({ id: 12, title, coverUrl, status: 'published' })

  it('puts the activity’s title and cover in as text and an attribute, never as markup', async () => {
    open({
      'GET /api/activities': ({ query }) => ({ body: { items: query.get('range') === 'past' ? [activity] : [], total: 1, page: 1, pageSize: 6 } }),
      'GET /api/activities/12/signups': () => ({ body: { items: [], fill: { seats: 30, seatsTaken: 21, percent: 70, threshold: 50 } } }),
    })
    await waitFor(() => byId('article-kind-review'))
    fireEvent.click(byId('article-kind-review'))
    await waitFor(() => byId('article-activity-12'))
    fireEvent.click(byId('article-activity-12'))
    fireEvent.click(await waitFor(() => byId('article-pull-figures')))

    const body = byId('article-body-editor')
    await waitFor(() => expect(body.textContent).toContain('21 人'))
    expect(body.textContent).toContain(`「${title}」于`)
    const images = body.querySelectorAll('img')
    expect(images).toHaveLength(1)
    expect(images[0].getAttribute('src')).toBe(coverUrl)
    expect(images[0].getAttribute('alt')).toBe(title)
    expect(body.querySelector('[onerror]')).toBeNull()
    expect((window as { __xss?: number }).__xss).toBeUndefined()
  })
})
