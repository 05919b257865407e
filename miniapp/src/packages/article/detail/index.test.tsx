import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ArticleDetail, ArticleSummary } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { makeActivity, makeMe } from '../../../../test/fixtures'
import { makePollDetail } from '../../../../test/poll-fixtures'
import { navigations, router, shares } from '../../../../test/taro-shim'
import { byId } from '../../../../test/dom'
import { meStore, session } from '../../../stores/session'
import ArticlePage from '.'
import StaffArticlesPage from '../../staff/articles'

const summary: ArticleSummary = {
  id: 7,
  communityId: 1,
  communityName: '幸福里社区',
  kind: 'preview',
  title: '重阳节包饺子，欢迎报名',
  coverUrl: 'http://127.0.0.1/uploads/0123456789abcdef0123456789abcdef/cover.jpg',
  summary: '还有名额',
  pinned: false,
  status: 'published',
  publishedAt: '2026-11-20T01:00:00.000Z',
  updatedAt: '2026-11-21T06:00:00.000Z',
  readCount: 128,
  activityId: 21,
  pollId: null,
}
const detail: ArticleDetail = {
  ...summary,
  body: '<h2>活动安排</h2><p>上午九点开始，<strong>请带上围裙</strong></p>',
  author: '幸福里社区居委会',
  activity: makeActivity(),
  canManage: false,
}

describe('文章', () => {
  beforeEach(() => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ verified: true }) })
    meStore.set(null)
  })

  it('shows the article with 发布于 · 更新于 · readers, its body, and a way to sign up for its activity', async () => {
    router.params = { id: '7' }
    installFakeServer({ 'GET /api/articles/7': () => ({ body: detail }) })
    render(<ArticlePage />)

    await waitFor(() => byId('article-title'))
    expect(byId('article-title').textContent).toBe('重阳节包饺子，欢迎报名')
    expect(byId('article-meta').textContent).toMatch(/发布于 .* · 更新于 .* · 128 人看过/)
    expect(byId('article-activity').textContent).toContain('重阳节包饺子')
    expect(shares.appMessage?.()).toEqual({ title: '重阳节包饺子，欢迎报名', path: '/packages/article/detail/index?id=7', imageUrl: summary.coverUrl })
    expect(shares.timeline?.()).toEqual({ title: '重阳节包饺子，欢迎报名', query: 'id=7', imageUrl: summary.coverUrl })
    fireEvent.click(screen.getByText('去报名这个活动'))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/activity/detail/index?id=21' })
  })

  it('shows the linked consultation as a card that opens the poll page', async () => {
    router.params = { id: '7' }
    installFakeServer({
      'GET /api/articles/7': () => ({ body: { ...detail, activityId: null, activity: null, pollId: 8 } }),
      'GET /api/polls/8': () => ({ body: makePollDetail({ id: 8, title: '小区南门增设电动自行车充电棚' }) }),
    })
    render(<ArticlePage />)

    await waitFor(() => byId('article-poll'))
    expect(byId('article-poll').textContent).toContain('文中的议事投票')
    expect(byId('poll-8').textContent).toContain('小区南门增设电动自行车充电棚')
    expect(byId('poll-8').textContent).toContain('投票中')
    expect(byId('poll-8').textContent).toContain('您还没有投票')
    fireEvent.click(byId('poll-8'))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/poll/detail/index?id=8' })
  })

  it('shows no card for a consultation I cannot open (still a draft)', async () => {
    router.params = { id: '7' }
    const log = installFakeServer({
      'GET /api/articles/7': () => ({ body: { ...detail, pollId: 9 } }),
      'GET /api/polls/9': () => ({ status: 404, body: { code: 'POLL_NOT_FOUND', message: '找不到这个投票' } }),
    })
    render(<ArticlePage />)

    await waitFor(() => expect(log.some((r) => r.url === '/api/polls/9')).toBe(true))
    await waitFor(() => byId('article-activity'))
    expect(document.getElementById('article-poll')).toBeNull()
  })

  it('says so when the article is gone', async () => {
    router.params = { id: '7' }
    installFakeServer({ 'GET /api/articles/7': () => ({ status: 404, body: { code: 'ARTICLE_NOT_FOUND', message: '找不到这篇文章，可能已被撤回' } }) })
    render(<ArticlePage />)
    await waitFor(() => screen.getByText('找不到这篇文章，可能已被撤回'))
    expect(screen.getByText('没能打开这篇文章')).toBeTruthy()
  })
})

describe('社区文章 (staff)', () => {
  beforeEach(() => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ isStaff: true }) })
    meStore.set(null)
  })

  it('withdraws an article only after asking, and says it is done', async () => {
    const withdrawn: string[] = []
    installFakeServer({
      'GET /api/me': () => ({ body: makeMe({ isStaff: true }) }),
      'GET /api/articles': () => ({ body: { items: [summary], total: 1, page: 1, pageSize: 10 } }),
      'POST /api/articles/7/withdraw': (request) => {
        withdrawn.push(request.path)
        return { body: { ...detail, status: 'withdrawn', canManage: true } }
      },
    })
    render(<StaffArticlesPage />)

    await waitFor(() => byId('article-withdraw-7'))
    fireEvent.click(byId('article-withdraw-7'))
    await waitFor(() => screen.getByText(/撤回后，居民就看不到「重阳节包饺子，欢迎报名」了/))
    expect(withdrawn).toEqual([])
    fireEvent.click(byId('article-withdraw-confirm'))
    await waitFor(() => byId('staff-articles-notice'))
    expect(withdrawn).toEqual(['/api/articles/7/withdraw'])
    expect(byId('staff-articles-notice').textContent).toContain('已撤回')
    expect(byId('article-7').textContent).toContain('已撤回')
  })
})
