import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { byId } from '../../../../test/dom'
import { installFakeServer } from '../../../../test/fake-server'
import { navigations, triggerShow } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import { worker } from '../shared/fixtures'
import ServiceTasksPage from '.'

const task = (beneficiaryId: number, name: string, daysLeft: number) => ({
  beneficiaryId,
  name,
  household: '1栋1单元201',
  tier: '高风险',
  item: { id: 11, name: '高龄老人入户探访' },
  lastServedOn: '2026-11-20',
  dueOn: '2026-12-05',
  daysLeft,
})

describe('我的任务', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: worker }))

  it('lists who is due in the server order with words for overdue, and opens the log for one', async () => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 390 })
    installFakeServer({
      'GET /api/me': () => ({ body: worker }),
      'GET /api/me/service-tasks': () => ({ body: { items: [task(31, '王桂兰', -3), task(32, '刘德福', 0), task(33, '陈秀英', 4)] } }),
    })
    render(<ServiceTasksPage />)
    await screen.findByText('王桂兰')
    const cards = ['task-31', 'task-32', 'task-33'].map((id) => byId(id).textContent)
    expect(cards[0]).toContain('已逾期3天')
    expect(cards[1]).toContain('今天到期')
    expect(cards[2]).toContain('4天后到期')
    fireEvent.click(byId('task-log-31'))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/services/log/index?itemId=11&beneficiaryId=31' })
  })

  it('reads again when back from logging a visit', async () => {
    let items = [task(31, '王桂兰', -3), task(32, '刘德福', 0)]
    installFakeServer({
      'GET /api/me': () => ({ body: worker }),
      'GET /api/me/service-tasks': () => ({ body: { items } }),
    })
    render(<ServiceTasksPage />)
    await screen.findByText('王桂兰')
    items = [task(32, '刘德福', 0), { ...task(31, '王桂兰', 7), lastServedOn: '2026-12-07' }]
    act(() => triggerShow())
    await waitFor(() => expect(byId('task-31').textContent).toContain('7天后到期'))
  })

  it('says so when nobody is due, and offers 重试 after an error', async () => {
    let fail = true
    installFakeServer({
      'GET /api/me': () => ({ body: worker }),
      'GET /api/me/service-tasks': () => (fail ? { status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '系统正在维护，请稍后再试' } } : { body: { items: [] } }),
    })
    render(<ServiceTasksPage />)
    expect(await screen.findByText('系统正在维护，请稍后再试')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(screen.getByText('这一周没有到期的探访')).toBeTruthy())
  })
})
