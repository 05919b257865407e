import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { byId } from '../../../../test/dom'
import { installFakeServer } from '../../../../test/fake-server'
import { navigations, router, triggerShow } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import { committee, contract, item, itemProgress } from '../shared/fixtures'
import ServiceProgressPage from '.'

const { monthly: _m, overdueByTier: _o, ...summary } = itemProgress()

describe('服务进度', () => {
  beforeEach(() => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: committee })
    router.params = { contractId: '3' }
  })

  it('shows each item with its band in words and numbers at a desk, then one item in detail', async () => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1366 })
    installFakeServer({
      'GET /api/me': () => ({ body: committee }),
      'GET /api/service-contracts/3': () => ({ body: contract() }),
      'GET /api/service-contracts/3/progress': () => ({
        body: {
          contractId: 3,
          title: '幸福里社区委托转移服务项目（年度）',
          periodStart: '2026-09-01',
          periodEnd: '2027-08-31',
          elapsedShare: 0.27,
          items: [
            { ...summary, overdue: 1 },
            { ...summary, itemId: 12, name: '文体康乐', unit: 'sessions', targetQuantity: 48, done: 14, doneRatio: 14 / 48, expectedByNow: 13, paceBand: 3, targetBand: 0, overdue: 0 },
          ],
        },
      }),
      'GET /api/service-items': () => ({ body: { items: [item({ canManage: true, assigned: false }), item({ id: 12, name: '文体康乐', canManage: true, assigned: false })] } }),
      'GET /api/service-items/11/progress': () => ({ body: itemProgress() }),
    })
    render(<ServiceProgressPage />)
    const row = await waitFor(() => byId('progress-table-row-11'))
    expect(row.textContent).toContain('50 户次（21%）')
    expect(row.textContent).toContain('64.8 户次')
    expect(row.textContent).toContain('进度偏慢（1分）')
    expect(row.textContent).toContain('1 人')
    expect(byId('progress-table-row-12').textContent).toContain('达标（3分）')
    expect(byId('contract-summary').textContent).toContain('服务期已过 27%')

    fireEvent.click(byId('item-show-11'))
    const detail = await waitFor(() => byId('item-detail'))
    await waitFor(() => expect(byId('item-tiers').textContent).toContain('逾期 1 人'))
    expect(byId('item-target-band').textContent).toBe('严重滞后（0分）')
    expect(byId('item-months').textContent).toContain('2026-11')
    expect(detail.textContent).toContain('20（20条记录）')

    fireEvent.click(byId('item-new'))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/services/item-form/index?contractId=3' })
    fireEvent.click(byId('item-register-11'))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/services/register/index?itemId=11' })
    expect(screen.queryByText('记录服务')).toBeNull()
  })

  it('reads again when shown again, so an item just added appears', async () => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1366 })
    let items: ReturnType<typeof item>[] = []
    installFakeServer({
      'GET /api/me': () => ({ body: committee }),
      'GET /api/service-contracts/3': () => ({ body: contract({ canManage: true }) }),
      'GET /api/service-contracts/3/progress': () => ({
        body: {
          contractId: 3,
          title: '幸福里社区委托转移服务项目（年度）',
          periodStart: '2026-09-01',
          periodEnd: '2027-08-31',
          elapsedShare: 0.27,
          items: items.map(() => ({ ...summary, overdue: 0 })),
        },
      }),
      'GET /api/service-items': () => ({ body: { items } }),
    })
    render(<ServiceProgressPage />)
    await screen.findByText('还没有服务项目')
    // The item form saved and went back.
    items = [item({ canManage: true, assigned: false })]
    act(() => triggerShow())
    await waitFor(() => byId('progress-table-row-11'))
  })
})
