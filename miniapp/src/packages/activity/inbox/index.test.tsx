import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { InboxItem } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { navigations, triggerShow } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import InboxPage from '.'

const item = (id: number, createdAt: string, title: string, readAt: string | null = null): InboxItem => ({
  id,
  kind: 'seat_offered',
  title,
  body: '请在今天下午2:00前确认',
  activityId: 21,
  createdAt,
  readAt,
})
const page = (items: InboxItem[]) => ({ body: { items, total: items.length, page: 1, pageSize: 20, unreadCount: items.filter((i) => !i.readAt).length } })

function card(id: number): HTMLElement {
  const element = document.getElementById(`inbox-${id}`)
  if (!element) throw new Error(`no #inbox-${id}`)
  return element
}

describe('消息', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() }))

  it('shows my messages newest first', async () => {
    const log = installFakeServer({
      'GET /api/me/inbox': () => page([item(1, '2026-11-20T02:00:00.000Z', '报名成功'), item(2, '2026-11-21T02:00:00.000Z', '候补有空位了')]),
      'POST /api/me/inbox/read': () => ({ body: { unreadCount: 0 } }),
    })

    render(<InboxPage />)

    await waitFor(() => expect(document.getElementById('inbox-list')).toBeTruthy())
    const titles = Array.from(document.querySelectorAll('.inbox-title')).map((e) => e.textContent)
    expect(titles).toEqual(['候补有空位了', '报名成功'])
    expect(log[0].url).toBe('/api/me/inbox?page=1&pageSize=20')
  })

  it('marks unread ones with a dot, a bold title and 新消息, and tells the server they were shown', async () => {
    const log = installFakeServer({
      'GET /api/me/inbox': () =>
        page([item(3, '2026-11-22T02:00:00.000Z', '活动已取消'), item(2, '2026-11-21T02:00:00.000Z', '候补有空位了'), item(1, '2026-11-20T02:00:00.000Z', '报名成功', '2026-11-20T03:00:00.000Z')]),
      'POST /api/me/inbox/read': () => ({ body: { unreadCount: 0 } }),
    })

    render(<InboxPage />)

    await waitFor(() => expect(log.some((r) => r.url === '/api/me/inbox/read')).toBe(true))
    for (const id of [3, 2]) {
      expect(card(id).querySelector('.inbox-dot')?.textContent).toBe('●')
      expect(card(id).querySelector('.inbox-title')?.className).toContain('inbox-title-unread')
      expect(card(id).textContent).toContain('新消息')
    }
    expect(card(1).querySelector('.inbox-dot')).toBeNull()
    expect(card(1).querySelector('.inbox-title')?.className).not.toContain('inbox-title-unread')
    expect(card(1).textContent).not.toContain('新消息')

    const reads = log.filter((r) => r.url === '/api/me/inbox/read')
    expect(reads).toHaveLength(1)
    expect(reads[0]).toMatchObject({ method: 'POST', data: { ids: [3, 2] } })
    // Still shown as new on this visit, so the resident can see what just came in.
    expect(card(3).textContent).toContain('新消息')
  })

  it('marks what came in meanwhile when shown again, and nothing twice', async () => {
    let items = [item(1, '2026-11-20T02:00:00.000Z', '报名成功')]
    const log = installFakeServer({
      'GET /api/me/inbox': () => page(items),
      'POST /api/me/inbox/read': (request) => {
        const ids = (request.data as { ids: number[] }).ids
        items = items.map((i) => (ids.includes(i.id) ? { ...i, readAt: '2026-11-22T00:00:00.000Z' } : i))
        return { body: { unreadCount: 0 } }
      },
    })
    render(<InboxPage />)
    await waitFor(() => expect(log.filter((r) => r.url === '/api/me/inbox/read')).toHaveLength(1))

    items = [item(4, '2026-11-23T02:00:00.000Z', '活动信息有变化'), ...items]
    act(() => triggerShow())

    await waitFor(() => expect(document.getElementById('inbox-4')).toBeTruthy())
    await waitFor(() => expect(log.filter((r) => r.url === '/api/me/inbox/read')).toHaveLength(2))
    expect(log.filter((r) => r.url === '/api/me/inbox/read').map((r) => r.data)).toEqual([{ ids: [1] }, { ids: [4] }])
    expect(card(1).textContent).not.toContain('新消息')
    expect(card(4).textContent).toContain('新消息')
  })

  it('opens the consultation a voting notice is about', async () => {
    installFakeServer({
      'GET /api/me/inbox': () => page([{ ...item(5, '2026-11-21T02:00:00.000Z', '新的议事投票'), kind: 'poll_opened', activityId: null, pollId: 7 }]),
      'POST /api/me/inbox/read': () => ({ body: { unreadCount: 0 } }),
    })
    render(<InboxPage />)

    await waitFor(() => expect(card(5).textContent).toContain('查看投票 ›'))
    fireEvent.click(card(5))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/poll/detail/index?id=7' })
  })

  it('opens 我的求助 from a request notice', async () => {
    installFakeServer({
      'GET /api/me/inbox': () => page([{ ...item(6, '2026-11-21T02:00:00.000Z', '社区已受理您的求助'), kind: 'service_request', activityId: null, pollId: null }]),
      'POST /api/me/inbox/read': () => ({ body: { unreadCount: 0 } }),
    })
    render(<InboxPage />)

    await waitFor(() => expect(card(6).textContent).toContain('查看求助 ›'))
    fireEvent.click(card(6))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/help/my-requests/index' })
  })
})
