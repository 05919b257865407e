import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { byId, typeInto } from '../../../../test/dom'
import { installFakeServer } from '../../../../test/fake-server'
import { navigations } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import { committee, contract } from '../shared/fixtures'
import ServiceContractsPage from '.'

const community = { id: 1, name: '幸福里社区', address: '', street: { id: 1, name: '和平街道' }, householdCount: 0 }
const org = (id: number, name: string) => ({
  id,
  streetId: 1,
  name,
  type: 'social_work',
  legalStatus: 'filed',
  registrationNo: '',
  leader: '',
  contactPhone: '',
  description: '',
  communityIds: [1],
  suspended: false,
  suspendedAt: null,
  stage: 'graduated',
  stageDates: { applied: null, incubating: null, graduated: null, exited: null },
  mentor: null,
})

describe('委托服务 contracts', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: committee }))

  it('lists the contracts as a table at a desk and opens one', async () => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1366 })
    const log = installFakeServer({
      'GET /api/me': () => ({ body: committee }),
      'GET /api/service-contracts': () => ({ body: { items: [contract()], total: 1, page: 1, pageSize: 20 } }),
    })
    render(<ServiceContractsPage />)
    const row = await waitFor(() => byId('contract-table-row-3'))
    expect(row.textContent).toContain('启航社会工作服务中心')
    expect(row.textContent).toContain('380,000.00 元')
    expect(row.textContent).toContain('2026-09-01 至 2027-08-31')
    expect(log[log.length - 1].url).toContain('status=active')
    fireEvent.click(screen.getByText('已结束'))
    await waitFor(() => expect(log.some((r) => r.url.includes('status=ended'))).toBe(true))
    fireEvent.click(await waitFor(() => byId('contract-open-3')))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/services/progress/index?contractId=3' })
  })

  it('creates a contract on a phone, with the amount in fen and a refusal in words', async () => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 390 })
    let refuse = true
    const log = installFakeServer({
      'GET /api/me': () => ({ body: committee }),
      'GET /api/service-contracts': () => ({ body: { items: [], total: 0, page: 1, pageSize: 20 } }),
      'GET /api/communities': () => ({ body: { items: [community] } }),
      'GET /api/organisation-registry': () => ({ body: { items: [org(1, '启航社会工作服务中心'), org(4, '同心社会工作服务社')], total: 2, page: 1, pageSize: 100 } }),
      'POST /api/service-contracts': () =>
        refuse
          ? { status: 400, body: { code: 'SERVICE_PERIOD_INVALID', message: '服务期限的结束日期不能早于开始日期，请重新选择' } }
          : { status: 201, body: contract({ title: '新合同' }) },
    })
    render(<ServiceContractsPage />)
    expect(await screen.findByText('没有这类服务合同')).toBeTruthy()
    fireEvent.click(byId('contract-new'))
    await screen.findByText('新建服务合同', { selector: '.ll-heading' })
    await typeInto('contract-title', '新合同')
    // The committee's only community is the buyer already.
    expect(screen.getByText('✓ 幸福里社区')).toBeTruthy()
    fireEvent.click(within(byId('contract-provider')).getByText('启航社会工作服务中心'))
    fireEvent.click(within(byId('contract-evaluator')).getByText('同心社会工作服务社'))
    await typeInto('contract-start', '2027-01-01')
    await typeInto('contract-end', '2026-12-31')
    await typeInto('contract-amount', '12.5')
    fireEvent.click(byId('contract-save'))
    expect(await screen.findByText('服务期限的结束日期不能早于开始日期，请重新选择')).toBeTruthy()
    expect(log.find((r) => r.method === 'POST')?.data).toEqual({
      title: '新合同',
      communityId: 1,
      providerId: 1,
      evaluatorId: 4,
      type: 'delegation',
      periodStart: '2027-01-01',
      periodEnd: '2026-12-31',
      amountFen: 1250,
    })
    refuse = false
    await typeInto('contract-end', '2027-12-31')
    fireEvent.click(byId('contract-save'))
    expect(await screen.findByText('已建立“新合同”，接下来添加服务项目')).toBeTruthy()
  })
})
