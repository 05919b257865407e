import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { PollOpinionPage } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { navigations, router, triggerReachBottom } from '../../../../test/taro-shim'
import { byId } from '../../../../test/dom'
import { session } from '../../../stores/session'
import PollOpinionsPage from '.'

type Handlers = Parameters<typeof installFakeServer>[0]

/** 25 opinions, 20 a page; `held` more wait for review. */
const words = Array.from({ length: 25 }, (_, i) => `意见${i + 1}：希望晚上十点后关灯`)
function pageOf(page: number, pageSize: number, held = 0): PollOpinionPage {
  const items = words.slice((page - 1) * pageSize, page * pageSize).map((opinion) => ({ opinion }))
  return { items, total: words.length, held, page, pageSize }
}

function open(handlers: Handlers) {
  session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ isStaff: true }) })
  router.params = { id: '7' }
  const log = installFakeServer(handlers)
  render(<PollOpinionsPage />)
  return log
}

const asked = (log: { url: string }[]) =>
  log.filter((r) => r.url.startsWith('/api/polls/7/opinions')).map((r) => Object.fromEntries(new URLSearchParams(r.url.split('?')[1])))

describe('居民意见', () => {
  it('lists the opinions a page at a time, loads more on 加载更多 and at the bottom, and says how many wait for review', async () => {
    const log = open({
      'GET /api/polls/7/opinions': ({ query }) => ({ body: pageOf(Number(query.get('page')), Number(query.get('pageSize')), 2) }),
    })
    expect(screen.getByText('正在加载…')).toBeTruthy()

    await waitFor(() => byId('opinion-20'))
    expect(byId('opinion-1').textContent).toBe('意见1：希望晚上十点后关灯')
    expect(document.getElementById('opinion-21')).toBeNull()
    expect(asked(log)).toEqual([{ page: '1', pageSize: '20' }])
    expect(byId('opinions-held').textContent).toContain('另有 2 条意见待审核')
    expect(byId('opinion-list').textContent).not.toMatch(/\d{1,2}:\d{2}|\d+月\d+日/)

    fireEvent.click(byId('opinions-more'))
    await waitFor(() => byId('opinion-25'))
    expect(asked(log)).toEqual([
      { page: '1', pageSize: '20' },
      { page: '2', pageSize: '20' },
    ])
    expect(screen.getByText('已经全部显示了')).toBeTruthy()
    act(() => triggerReachBottom())
    expect(asked(log)).toHaveLength(2)

    fireEvent.click(byId('opinions-review'))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/staff/moderation/index' })
  })

  it('loads the next page when scrolled to the bottom', async () => {
    const log = open({ 'GET /api/polls/7/opinions': ({ query }) => ({ body: pageOf(Number(query.get('page')), 20) }) })
    await waitFor(() => byId('opinion-20'))
    expect(document.getElementById('opinions-held')).toBeNull()
    act(() => triggerReachBottom())
    await waitFor(() => byId('opinion-25'))
    expect(asked(log).map((q) => q.page)).toEqual(['1', '2'])
  })

  it('says so when nobody wrote anything', async () => {
    open({ 'GET /api/polls/7/opinions': () => ({ body: { items: [], total: 0, held: 0, page: 1, pageSize: 20 } }) })
    expect(await screen.findByText('还没有居民留言')).toBeTruthy()
    expect(screen.getByText('这次投票，居民都没有写意见。')).toBeTruthy()
  })

  it('shows the server words with 重试, and the list once it works', async () => {
    let fail = true
    open({
      'GET /api/polls/7/opinions': () =>
        fail ? { status: 409, body: { code: 'POLL_NOT_CLOSED', message: '投票还没有结束，结束后才能公示或导出结果' } } : { body: pageOf(1, 20) },
    })
    expect(await screen.findByText('投票还没有结束，结束后才能公示或导出结果')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => byId('opinion-1'))
  })
})
