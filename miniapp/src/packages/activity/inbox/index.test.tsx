import { render, waitFor } from '@testing-library/react'
import type { InboxItem } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { session } from '../../../stores/session'
import InboxPage from '.'

const item = (id: number, createdAt: string, title: string): InboxItem => ({ id, kind: 'seat_offered', title, body: '请在今天下午2:00前确认', activityId: 21, createdAt, readAt: null })

describe('消息', () => {
  it('shows my messages newest first', async () => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() })
    const log = installFakeServer({
      'GET /api/me/inbox': () => ({ body: { items: [item(1, '2026-11-20T02:00:00.000Z', '报名成功'), item(2, '2026-11-21T02:00:00.000Z', '候补有空位了')], total: 2, page: 1, pageSize: 20 } }),
    })

    render(<InboxPage />)

    await waitFor(() => expect(document.getElementById('inbox-list')).toBeTruthy())
    const titles = Array.from(document.querySelectorAll('.inbox-title')).map((e) => e.textContent)
    expect(titles).toEqual(['候补有空位了', '报名成功'])
    expect(log[0].url).toBe('/api/me/inbox?page=1&pageSize=20')
  })
})
