import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ArticleSummary, Feed } from '@linli/shared'
import { installFakeServer } from '../../../test/fake-server'
import { makeActivity, makeMe } from '../../../test/fixtures'
import { navigations, triggerPullDown } from '../../../test/taro-shim'
import { meStore, session } from '../../stores/session'
import HomePage from '.'

function article(id: number, overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id,
    communityId: 1,
    communityName: '幸福里社区',
    kind: 'notice',
    title: `文章${id}`,
    coverUrl: null,
    summary: '',
    pinned: false,
    status: 'published',
    publishedAt: '2026-11-20T01:00:00.000Z',
    updatedAt: null,
    readCount: 12,
    activityId: null,
    pollId: null,
    ...overrides,
  }
}

function feed(page: number, items: ArticleSummary[], total: number, sections: Partial<Feed> = {}): Feed {
  return { pinned: [], activities: [], polls: [], articles: { items, total, page, pageSize: 10 }, ...sections }
}

describe('首页 feed', () => {
  beforeEach(() => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ verified: true }) })
    meStore.set(null)
  })

  it('shows pinned notices, activities with seats, open votes and the latest articles, then more on demand', async () => {
    const log = installFakeServer({
      'GET /api/me': () => ({ body: makeMe({ verified: true }) }),
      'GET /api/feed': (request) =>
        request.query.get('page') === '2'
          ? { body: feed(2, [article(3)], 3) }
          : {
              body: feed(1, [article(1, { title: '电梯检修通知', updatedAt: '2026-11-21T02:00:00.000Z' }), article(2)], 3, {
                pinned: [article(9, { pinned: true, title: '疫苗接种通知' })],
                activities: [makeActivity()],
                polls: [{ id: 5, title: '3栋门前加座椅', opensAt: '2026-11-20T00:00:00.000Z', closesAt: '2026-11-30T10:00:00.000Z' }],
              }),
            },
    })

    render(<HomePage />)

    await waitFor(() => screen.getByText('电梯检修通知'))
    expect(document.getElementById('feed-pinned')?.textContent).toContain('置顶 · 通知公告')
    expect(document.getElementById('feed-activities')?.textContent).toContain('重阳节包饺子')
    expect(document.getElementById('feed-polls')?.textContent).toContain('3栋门前加座椅')
    const first = document.getElementById('article-1')?.textContent ?? ''
    expect(first).toMatch(/更新于/)
    expect(first).toContain('12 人看过')

    fireEvent.click(screen.getByText('加载更多'))
    await waitFor(() => screen.getByText('文章3'))
    expect(screen.getByText('已经全部显示了')).toBeTruthy()
    expect(log.filter((r) => r.url.startsWith('/api/feed')).map((r) => r.url)).toEqual(['/api/feed?page=1&pageSize=10', '/api/feed?page=2&pageSize=10'])

    fireEvent.click(document.getElementById('article-1')!)
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/article/detail/index?id=1' })
    fireEvent.click(document.getElementById('feed-poll-5')!)
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/poll/detail/index?id=5' })

    triggerPullDown()
    await waitFor(() => expect(log.filter((r) => r.url === '/api/feed?page=1&pageSize=10')).toHaveLength(2))
  })

  it('says why the feed is empty, and offers to retry when it fails', async () => {
    let fail = true
    installFakeServer({
      'GET /api/me': () => ({ body: makeMe({ verified: true }) }),
      'GET /api/feed': () => (fail ? { status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '系统正在维护，请稍后再试' } } : { body: feed(1, [], 0) }),
    })
    render(<HomePage />)
    await waitFor(() => screen.getByText('系统正在维护，请稍后再试'))
    fail = false
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => screen.getByText('社区里暂时没有新消息'))
  })
})
