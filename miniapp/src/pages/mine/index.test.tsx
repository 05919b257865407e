import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../../test/fake-server'
import { household, makeClaim, makeMe } from '../../../test/fixtures'
import { navigations, triggerShow } from '../../../test/taro-shim'
import { displayStore, setElderMode } from '../../stores/display'
import { meStore, session } from '../../stores/session'
import MinePage from '.'

function logIn() {
  session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() })
  // The page must show what the server says now, not the login-time copy.
  meStore.set(null)
}

function residencyStatus(): HTMLElement {
  const element = document.getElementById('residency-status')
  if (!element) throw new Error('no #residency-status')
  return element
}

describe('我的', () => {
  beforeEach(() => setElderMode(false))

  it('shows 待审核 and the household while a claim waits for the committee', async () => {
    logIn()
    installFakeServer({ 'GET /api/me': () => ({ body: makeMe({ claims: [makeClaim()] }) }) })

    render(<MinePage />)

    await waitFor(() => expect(residencyStatus().textContent).toContain('待审核'))
    expect(residencyStatus().textContent).toContain('幸福里社区 3栋 2单元 501')
    expect(residencyStatus().textContent).toContain('居委会审核后会通知您')
  })

  it('shows 已认证 with the household once approved', async () => {
    logIn()
    installFakeServer({
      'GET /api/me': () => ({
        body: makeMe({ verified: true, residencies: [{ household, source: 'claim', verifiedAt: '2026-11-25T08:00:00.000Z' }] }),
      }),
    })

    render(<MinePage />)

    await waitFor(() => expect(residencyStatus().textContent).toContain('已认证'))
    expect(residencyStatus().textContent).toContain('幸福里社区 3栋 2单元 501')
  })

  it('shows 未通过 with the reason and a way to claim again', async () => {
    logIn()
    installFakeServer({
      'GET /api/me': () => ({ body: makeMe({ claims: [makeClaim({ status: 'rejected', reason: '房号与登记不符', decidedAt: '2026-11-26T02:00:00.000Z' })] }) }),
    })

    render(<MinePage />)

    await waitFor(() => expect(residencyStatus().textContent).toContain('未通过'))
    expect(residencyStatus().textContent).toContain('原因：房号与登记不符')
    fireEvent.click(screen.getByText('重新认证'))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/residency/claim/index' })
  })

  it('lists role grants in Chinese and gives staff one 工作台 entry instead of their tools', async () => {
    logIn()
    installFakeServer({
      'GET /api/me': () => ({
        body: makeMe({ isStaff: true, grants: [{ id: 1, role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区' } }] }),
      }),
    })

    render(<MinePage />)

    await screen.findByText('居委会工作人员 · 幸福里社区')
    for (const tool of ['审核住户认证', '社区管理', '组织管理', '审核备案申请', '审计日志', '统计']) expect(screen.queryByText(tool)).toBeNull()
    fireEvent.click(screen.getByText('工作台'))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/staff/home/index' })
  })

  it('gives a volunteer team leader the 工作台 too (for 人员), though not a staff member', async () => {
    logIn()
    installFakeServer({
      'GET /api/me': () => ({ body: makeMe({ grants: [{ id: 2, role: 'team_leader', scope: { kind: 'organisation', id: 3, name: '巾帼志愿服务队' } }] }) }),
    })
    render(<MinePage />)
    await screen.findByText('志愿服务队队长 · 巾帼志愿服务队')
    expect(document.getElementById('mine-staff-home')).not.toBeNull()
  })

  it('offers every resident the 备案 application, and no 工作台', async () => {
    logIn()
    installFakeServer({ 'GET /api/me': () => ({ body: makeMe() }) })
    render(<MinePage />)
    fireEvent.click(await screen.findByText('社区组织备案'))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/groups/apply/index' })
    expect(screen.queryByText('工作台')).toBeNull()
  })

  it('links to 我的报名 and 消息', async () => {
    logIn()
    installFakeServer({ 'GET /api/me': () => ({ body: makeMe() }) })
    render(<MinePage />)

    fireEvent.click(await screen.findByText('我的报名'))
    fireEvent.click(screen.getByText('消息'))

    expect(navigations).toEqual([
      { method: 'navigateTo', url: '/packages/activity/signups/index' },
      { method: 'navigateTo', url: '/packages/activity/inbox/index' },
    ])
  })

  it('shows how many messages are unread on 消息, fresh each time the tab shows', async () => {
    logIn()
    let unreadCount = 3
    const log = installFakeServer({
      'GET /api/me': () => ({ body: makeMe() }),
      'GET /api/me/inbox': () => ({ body: { items: [], total: 5, page: 1, pageSize: 1, unreadCount } }),
    })
    render(<MinePage />)

    await waitFor(() => expect(document.getElementById('mine-unread-count')?.textContent).toBe('3 条新消息'))
    expect(log.find((r) => r.url.startsWith('/api/me/inbox'))?.url).toBe('/api/me/inbox?pageSize=1')

    unreadCount = 0
    act(() => triggerShow())
    await waitFor(() => expect(document.getElementById('mine-unread-count')).toBeNull())
    expect(document.getElementById('mine-inbox')?.textContent).toContain('消息')
  })

  it('turns 大字模式 on with a worded button', async () => {
    logIn()
    installFakeServer({ 'GET /api/me': () => ({ body: makeMe() }) })

    const { container } = render(<MinePage />)
    await screen.findByText('退出登录')

    act(() => {
      fireEvent.click(screen.getByText('打开大字模式'))
    })

    expect(displayStore.get().elderMode).toBe(true)
    expect(container.firstElementChild?.className).toContain('ll-elder')
    expect(document.getElementById('elder-mode')?.textContent).toContain('已打开')
    expect(screen.getByText('关闭大字模式')).toBeTruthy()
  })

  it('shows the server message and 重试 when loading fails', async () => {
    logIn()
    installFakeServer({ 'GET /api/me': () => ({ status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '系统正在维护，请稍后再试' } }) })

    render(<MinePage />)

    await screen.findByText('系统正在维护，请稍后再试')
    installFakeServer({ 'GET /api/me': () => ({ body: makeMe({ nickname: '小周' }) }) })
    fireEvent.click(screen.getByText('重试'))
    await screen.findByText('退出登录')
  })

  it('opens 修改昵称, and says when a new nickname waits for review', async () => {
    logIn()
    installFakeServer({ 'GET /api/me': () => ({ body: makeMe({ pendingNickname: '周阿姨代购' }) }) })

    render(<MinePage />)

    await waitFor(() => expect(document.getElementById('mine-nickname-edit')?.textContent).toContain('新昵称“周阿姨代购”正在等社区审核'))
    fireEvent.click(screen.getByText('修改昵称'))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/privacy/nickname/index' })
  })

  it('logs out to the login page', async () => {
    logIn()
    installFakeServer({ 'GET /api/me': () => ({ body: makeMe() }) })
    render(<MinePage />)

    fireEvent.click(await screen.findByText('退出登录'))

    expect(session.isLoggedIn()).toBe(false)
    expect(navigations).toContainEqual({ method: 'reLaunch', url: '/pages/login/index' })
  })
})
