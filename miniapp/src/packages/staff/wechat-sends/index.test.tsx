import { render, waitFor } from '@testing-library/react'
import type { FailedWechatSend } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { byId } from '../../../../test/dom'
import { makeMe } from '../../../../test/fixtures'
import { meStore, session } from '../../../stores/session'
import StaffWechatSendsPage from '.'

const committee = makeMe({ isStaff: true, grants: [{ id: 1, role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区' } }] })
const send = (overrides: Partial<FailedWechatSend>): FailedWechatSend => ({
  id: 1,
  status: 'failed',
  key: 'signup_result',
  userId: 4,
  nickname: '张阿姨',
  activityId: 7,
  pollId: null,
  subject: '剪纸课',
  attempts: 3,
  errcode: -1,
  reason: '微信服务繁忙，重试几次后仍未发出',
  createdAt: '2026-11-22T02:00:00.000Z',
  updatedAt: '2026-11-22T02:05:00.000Z',
  ...overrides,
})

describe('没发出的微信提醒 (staff)', () => {
  it('tells a send that failed from one that may have gone without WeChat confirming it', async () => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: committee })
    meStore.set(committee)
    const items = [
      send({ id: 2, status: 'uncertain', attempts: 1, errcode: null, reason: '可能已发送，未确认：发出后连接断了，没收到微信的回答。为免居民收到两次，没有再发' }),
      send({ id: 1 }),
    ]
    installFakeServer({
      'GET /api/me': () => ({ body: committee }),
      'GET /api/staff/wechat-sends/failed': () => ({ body: { items, total: 2, page: 1, pageSize: 20 } }),
    })
    render(<StaffWechatSendsPage />)

    await waitFor(() => byId('wechat-send-2'))
    expect(byId('wechat-send-status-2').textContent).toBe('可能已发送，未确认')
    expect(byId('wechat-send-2').textContent).toContain('为免居民收到两次，没有再发')
    expect(byId('wechat-send-status-1').textContent).toBe('没发出')
    expect(byId('wechat-send-1').textContent).toContain('试了 3 次')
  })
})
