import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { ResidencyClaim } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { makeClaim, makeMe } from '../../../../test/fixtures'
import { triggerReachBottom } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import StaffClaimsPage from '.'

function card(id: number): HTMLElement {
  const element = document.getElementById(`claim-${id}`)
  if (!element) throw new Error(`no #claim-${id}`)
  return element
}

const page = (items: ResidencyClaim[], total = items.length, pageNo = 1) => ({ items, total, page: pageNo, pageSize: 10 })

describe('审核住户认证 (staff)', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ isStaff: true }) }))

  it('lists pending claims with claimant, real name, household and time', async () => {
    const log = installFakeServer({ 'GET /api/residency-claims': () => ({ body: page([makeClaim()]) }) })

    render(<StaffClaimsPage />)

    await waitFor(() => expect(card(11).textContent).toContain('小周'))
    expect(card(11).textContent).toContain('真实姓名：周明')
    expect(card(11).textContent).toContain('幸福里社区 3栋 2单元 501')
    expect(card(11).textContent).toMatch(/11月25日 周三 下午2:00|今天|昨天|明天/)
    expect(log[0].url).toBe('/api/residency-claims?status=pending&page=1&pageSize=10')
  })

  it('approves after a confirmation and updates the card', async () => {
    const log = installFakeServer({
      'GET /api/residency-claims': () => ({ body: page([makeClaim()]) }),
      'POST /api/residency-claims/11/approve': () => ({
        body: makeClaim({ status: 'approved', decidedBy: 'claim', decidedAt: '2026-11-25T07:00:00.000Z' }),
      }),
    })
    render(<StaffClaimsPage />)

    fireEvent.click(within(await waitFor(() => card(11))).getByText('通过'))
    expect(await screen.findByText(/通过后，周明将成为 幸福里社区 3栋 2单元 501 的认证居民/)).toBeTruthy()
    fireEvent.click(screen.getByText('确认通过'))

    await waitFor(() => expect(card(11).textContent).toContain('已认证'))
    expect(card(11).textContent).toContain('已通过，周明现在是认证居民了')
    expect(within(card(11)).queryByText('不通过')).toBeNull()
    expect(log.map((r) => `${r.method} ${r.url}`)).toContain('POST /api/residency-claims/11/approve')
  })

  it('will not reject without a reason, then sends the reason', async () => {
    const log = installFakeServer({
      'GET /api/residency-claims': () => ({ body: page([makeClaim()]) }),
      'POST /api/residency-claims/11/reject': ({ data }) => ({
        body: makeClaim({ status: 'rejected', reason: (data as { reason: string }).reason, decidedAt: '2026-11-25T07:00:00.000Z' }),
      }),
    })
    render(<StaffClaimsPage />)

    fireEvent.click(within(await waitFor(() => card(11))).getByText('不通过'))
    fireEvent.click(await screen.findByText('确认不通过'))
    expect(await screen.findByText('请写明原因，居民会看到它')).toBeTruthy()
    expect(log.some((r) => r.url.endsWith('/reject'))).toBe(false)

    fireEvent.click(screen.getByText('房号与登记不符'))
    fireEvent.click(screen.getByText('确认不通过'))

    await waitFor(() => expect(card(11).textContent).toContain('未通过'))
    expect(card(11).textContent).toContain('原因：房号与登记不符')
    expect(log.find((r) => r.url.endsWith('/reject'))?.data).toEqual({ reason: '房号与登记不符' })
  })

  it("shows the server's message on the card when someone else already decided", async () => {
    installFakeServer({
      'GET /api/residency-claims': () => ({ body: page([makeClaim()]) }),
      'POST /api/residency-claims/11/approve': () => ({
        status: 409,
        body: { code: 'CLAIM_ALREADY_DECIDED', message: '这条申请已经处理过了，请刷新查看结果' },
      }),
    })
    render(<StaffClaimsPage />)

    fireEvent.click(within(await waitFor(() => card(11))).getByText('通过'))
    fireEvent.click(await screen.findByText('确认通过'))

    await waitFor(() => expect(card(11).textContent).toContain('这条申请已经处理过了，请刷新查看结果'))
  })

  it('says why the list is empty', async () => {
    installFakeServer({ 'GET /api/residency-claims': () => ({ body: page([]) }) })

    render(<StaffClaimsPage />)

    expect(await screen.findByText('没有待审核的申请')).toBeTruthy()
  })

  it('loads the next page on scrolling to the bottom', async () => {
    const first = Array.from({ length: 10 }, (_, i) => makeClaim({ id: 100 + i }))
    const log = installFakeServer({
      'GET /api/residency-claims': ({ query }) =>
        query.get('page') === '1' ? { body: page(first, 11) } : { body: page([makeClaim({ id: 200 })], 11, 2) },
    })
    render(<StaffClaimsPage />)
    await waitFor(() => card(109))

    act(() => triggerReachBottom())

    await waitFor(() => card(200))
    expect(log[1].url).toContain('page=2')
    expect(screen.getByText('已经全部显示了')).toBeTruthy()
  })
})
