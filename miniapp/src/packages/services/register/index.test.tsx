import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { byId, typeInto } from '../../../../test/dom'
import { installFakeServer } from '../../../../test/fake-server'
import { navigations, router } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import { beneficiary, committee, item, worker } from '../shared/fixtures'
import ServiceRegisterPage from '.'

const households = {
  'GET /api/communities/1/buildings': () => ({ body: { items: ['1栋', '2栋'] } }),
  'GET /api/communities/1/units': () => ({ body: { items: ['1单元'] } }),
  'GET /api/communities/1/households': () => ({
    body: { items: [{ id: 5, communityId: 1, building: '1栋', unit: '1单元', room: '201' }], total: 1, page: 1, pageSize: 500 },
  }),
}

describe('服务对象名册', () => {
  beforeEach(() => {
    router.params = { itemId: '11' }
  })

  it('lets the committee add a person with a tier and a household, masked phone shown back', async () => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1366 })
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: committee })
    const register = [beneficiary()]
    const log = installFakeServer({
      'GET /api/me': () => ({ body: committee }),
      'GET /api/service-items/11': () => ({ body: item({ canManage: true, assigned: false }) }),
      'GET /api/service-items/11/beneficiaries': () => ({ body: { items: register } }),
      'POST /api/service-items/11/beneficiaries': () => {
        const created = beneficiary({ id: 40, name: '李奶奶', tier: '一般', phone: '139****5678', overdue: false, dueOn: '2027-03-01', lastServedOn: null })
        register.push(created)
        return { status: 201, body: created }
      },
      ...households,
    })
    render(<ServiceRegisterPage />)
    const row = await waitFor(() => byId('register-table-row-31'))
    expect(row.textContent).toContain('已逾期 2026-11-27')
    expect(row.textContent).toContain('139****2001')
    expect(screen.queryByText('记录服务')).toBeNull()
    fireEvent.click(byId('register-add'))
    await typeInto('beneficiary-name', '李奶奶')
    fireEvent.click(within(byId('beneficiary-tier')).getByText('一般（每90天）'))
    fireEvent.click(await screen.findByText('1栋'))
    fireEvent.click(await screen.findByText('1单元'))
    fireEvent.click(await screen.findByText('201'))
    await typeInto('beneficiary-phone', '13912345678')
    fireEvent.click(byId('beneficiary-save'))
    expect(await screen.findByText('已把“李奶奶”加进名册')).toBeTruthy()
    expect(log.find((r) => r.method === 'POST')?.data).toEqual({ name: '李奶奶', tier: '一般', phone: '13912345678', notes: '', householdId: 5 })
    await waitFor(() => expect(byId('register-table-row-40').textContent).toContain('139****5678'))
  })

  it('gives the assigned worker a 记录服务 button per person and no way to change the register', async () => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 390 })
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: worker })
    installFakeServer({
      'GET /api/me': () => ({ body: worker }),
      'GET /api/service-items/11': () => ({ body: item() }),
      'GET /api/service-items/11/beneficiaries': () => ({ body: { items: [beneficiary()] } }),
    })
    render(<ServiceRegisterPage />)
    fireEvent.click(await waitFor(() => byId('register-log-31')))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/services/log/index?itemId=11&beneficiaryId=31' })
    expect(document.getElementById('register-add')).toBeNull()
    expect(document.getElementById('register-remove-31')).toBeNull()
  })
})
