import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { PollListItem } from '@linli/shared'
import { installFakeServer } from '../../../test/fake-server'
import { household, makeMe } from '../../../test/fixtures'
import { makePollItem } from '../../../test/poll-fixtures'
import { navigations, triggerPullDown, triggerReachBottom } from '../../../test/taro-shim'
import { meStore, session } from '../../stores/session'
import ConsultPage from '.'

const page = (items: PollListItem[], total = items.length, at = 1) => ({ items, total, page: at, pageSize: 10 })

function card(id: number): HTMLElement {
  const element = document.getElementById(`poll-${id}`)
  if (!element) throw new Error(`no #poll-${id}`)
  return element
}

function logIn() {
  session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() })
  meStore.set(null)
}

const resident = makeMe({ verified: true, residencies: [{ household, source: 'census', verifiedAt: '2026-11-01T00:00:00.000Z' }] })
const committee = makeMe({ isStaff: true, grants: [{ id: 1, role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区' } }] })

describe('议事 tab', () => {
  it('lists open consultations with their phase, deadline, who votes, turnout and whether I voted', async () => {
    logIn()
    const log = installFakeServer({
      'GET /api/me': () => ({ body: resident }),
      'GET /api/polls': () => ({
        body: page([
          makePollItem({ turnout: { ballotsCast: 12, online: 12, paper: 0, eligible: 144, percent: 8.3 } }),
          makePollItem({ id: 8, title: '中心广场增设座椅', voterMode: 'household', voted: true, turnout: null }),
        ]),
      }),
    })

    render(<ConsultPage />)

    await waitFor(() => card(7))
    const text = card(7).textContent ?? ''
    expect(text).toContain('小区南门增设电动自行车充电棚')
    expect(text).toContain('投票中')
    expect(text).toContain('截止')
    expect(text).toContain('幸福里社区的认证居民，每人一票')
    expect(text).toContain('已投 12 票，参与率 8.3%（共 144 人可以投票）')
    expect(text).toContain('您还没有投票')
    expect(text).toContain('去投票 ›')
    expect(card(8).textContent).toContain('✓ 您家已投票')
    expect(card(8).textContent).not.toContain('参与率')
    expect(log.find((r) => r.url.startsWith('/api/polls'))?.url).toBe('/api/polls?state=open&page=1&pageSize=10')
    expect(document.getElementById('poll-create')).toBeNull()
    expect(document.getElementById('poll-verify-prompt')).toBeNull()

    fireEvent.click(card(7))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/poll/detail/index?id=7' })
  })

  it('shows ended consultations under 已结束, and says why the list is empty', async () => {
    logIn()
    const log = installFakeServer({
      'GET /api/me': () => ({ body: resident }),
      'GET /api/polls': ({ query }) => ({ body: page(query.get('state') === 'closed' ? [makePollItem({ id: 9, phase: 'published', closesAt: '2026-11-10T10:00:00.000Z' })] : []) }),
    })

    render(<ConsultPage />)
    expect(await screen.findByText('现在没有进行中的投票')).toBeTruthy()

    fireEvent.click(screen.getByText('已结束'))
    await waitFor(() => card(9))
    expect(card(9).textContent).toContain('已公示')
    expect(card(9).textContent).toContain('您没有参加这次投票')
    expect(log.some((r) => r.url === '/api/polls?state=closed&page=1&pageSize=10')).toBe(true)
  })

  it('loads more on scroll, refreshes on pull, and offers 重试 after an error', async () => {
    logIn()
    let calls = 0
    const log = installFakeServer({
      'GET /api/me': () => ({ body: resident }),
      'GET /api/polls': ({ query }) => {
        calls++
        if (calls === 1) return { status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '系统正在维护，请稍后再试' } }
        const at = Number(query.get('page'))
        return { body: page([makePollItem({ id: at * 100, title: `第${at}页` })], 11, at) }
      },
    })

    render(<ConsultPage />)
    expect(await screen.findByText('系统正在维护，请稍后再试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => card(100))
    act(() => triggerReachBottom())
    await waitFor(() => card(200))
    act(() => triggerPullDown())
    await waitFor(() => expect(log.filter((r) => r.url === '/api/polls?state=open&page=1&pageSize=10')).toHaveLength(3))
  })

  it('asks a resident without a household to get verified', async () => {
    logIn()
    installFakeServer({ 'GET /api/me': () => ({ body: makeMe() }), 'GET /api/polls': () => ({ body: page([]) }) })
    render(<ConsultPage />)
    await waitFor(() => expect(document.getElementById('poll-verify-prompt')?.textContent).toContain('只请本社区的认证居民参加'))
  })

  it('gives the committee its drafts and the button to start a consultation', async () => {
    logIn()
    const log = installFakeServer({
      'GET /api/me': () => ({ body: committee }),
      'GET /api/polls': ({ query }) => ({ body: page(query.get('state') === 'all' ? [makePollItem({ id: 10, phase: 'draft', title: '草稿议题' })] : [makePollItem()]) }),
    })

    render(<ConsultPage />)
    await waitFor(() => card(7))
    expect(log.some((r) => r.url === '/api/polls?state=open&page=1&pageSize=10&manage=true')).toBe(true)
    // Staff who do not live there are not voters: no "您还没有投票" for them.
    expect(card(7).textContent).not.toContain('投票 ›')
    expect(card(7).textContent).not.toContain('您还没有投票')
    fireEvent.click(screen.getByText('全部（含草稿）'))
    await waitFor(() => card(10))
    expect(card(10).textContent).toContain('草稿')
    expect(card(10).textContent).not.toContain('您还没有投票')
    fireEvent.click(document.getElementById('poll-create')!)
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/staff/poll-form/index' })
  })
})
