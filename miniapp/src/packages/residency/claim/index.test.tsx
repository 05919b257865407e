import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { Household } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { householdRoutes } from '../../../../test/household-server'
import { makeClaim, makeMe } from '../../../../test/fixtures'
import { session } from '../../../stores/session'
import ClaimHouseholdPage from '.'
import { byId, typeInto } from '../../../../test/dom'

const community = { id: 1, name: '幸福里社区', address: '和平路88号', street: { id: 1, name: '和平街道' }, householdCount: 4 }
const households: Household[] = [
  { id: 31, communityId: 1, building: '3栋', unit: '2单元', room: '502' },
  { id: 30, communityId: 1, building: '3栋', unit: '2单元', room: '501' },
  { id: 20, communityId: 1, building: '3栋', unit: '1单元', room: '101' },
  { id: 10, communityId: 1, building: '1栋', unit: '1单元', room: '101' },
]

describe('认证我的住户', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() }))

  it('walks community → building → unit → room → name and submits the claim', async () => {
    const log = installFakeServer({
      'GET /api/communities': () => ({ body: { items: [community] } }),
      ...householdRoutes(1, households),
      'POST /api/residency-claims': () => ({ status: 201, body: makeClaim({ id: 77, household: { ...households[1], communityName: '幸福里社区' } }) }),
    })
    render(<ClaimHouseholdPage />)

    fireEvent.click(await screen.findByText('幸福里社区'))
    await waitFor(() => byId('claim-building'))
    expect(within(byId('claim-building')).getAllByText(/栋$/).map((e) => e.textContent)).toEqual(['1栋', '3栋'])
    fireEvent.click(within(byId('claim-building')).getByText('3栋'))
    await waitFor(() => byId('claim-unit'))
    expect(within(byId('claim-unit')).getAllByText(/单元$/).map((e) => e.textContent)).toEqual(['1单元', '2单元'])
    fireEvent.click(within(byId('claim-unit')).getByText('2单元'))
    fireEvent.click(await waitFor(() => within(byId('claim-room')).getByText('501')))

    expect(byId('claim-summary').textContent).toBe('幸福里社区 3栋 2单元 501')
    fireEvent.click(byId('claim-submit'))
    expect(await screen.findByText('请填写您的真实姓名')).toBeTruthy()

    await typeInto('claim-realname', '周明')
    fireEvent.click(byId('claim-submit'))

    expect(await screen.findByText('已提交，居委会审核后会通知您')).toBeTruthy()
    expect(log.find((r) => r.method === 'POST')?.data).toEqual({ householdId: 30, realName: '周明' })
  })

  it('asks the server one level at a time and never for the whole census, reading a unit page by page', async () => {
    const tenth: Household[] = ['1101', '302', '101', '102', '201'].map((room, i) => ({ id: 100 + i, communityId: 1, building: '10栋', unit: '1单元', room }))
    // A server that answers two rooms a page: the unit's five rooms take three pages.
    const log = installFakeServer({
      'GET /api/communities': () => ({ body: { items: [community] } }),
      ...householdRoutes(1, [...households, ...tenth], 2),
    })
    render(<ClaimHouseholdPage />)

    fireEvent.click(await screen.findByText('幸福里社区'))
    await waitFor(() => byId('claim-building'))
    // In the order people count them, though the server sends 3栋 1栋 10栋.
    expect(within(byId('claim-building')).getAllByText(/栋$/).map((e) => e.textContent)).toEqual(['1栋', '3栋', '10栋'])
    fireEvent.click(within(byId('claim-building')).getByText('10栋'))
    fireEvent.click(await waitFor(() => within(byId('claim-unit')).getByText('1单元')))
    await waitFor(() => byId('claim-room'))
    expect([...byId('claim-room').querySelectorAll('.claim-option')].map((e) => e.textContent)).toEqual(['101', '102', '201', '302', '1101'])
    expect(within(byId('claim-room')).getByText('11楼')).toBeTruthy()
    fireEvent.click(within(byId('claim-room')).getByText('1101'))
    expect(byId('claim-summary').textContent).toBe('幸福里社区 10栋 1单元 1101')

    const asked = log.map((r) => decodeURIComponent(r.url)).filter((u) => u.startsWith('/api/communities/1/'))
    expect(asked).toEqual([
      '/api/communities/1/buildings',
      '/api/communities/1/units?building=10栋',
      ...[1, 2, 3].map((page) => `/api/communities/1/households?building=10栋&unit=1单元&page=${page}&pageSize=500`),
    ])
  })

  it("shows the server's reason when the claim is refused", async () => {
    installFakeServer({
      'GET /api/communities': () => ({ body: { items: [community] } }),
      ...householdRoutes(1, households),
      'POST /api/residency-claims': () => ({ status: 409, body: { code: 'CLAIM_DUPLICATE', message: '您已经申请过这一户，请等待居委会审核' } }),
    })
    render(<ClaimHouseholdPage />)

    fireEvent.click(await screen.findByText('幸福里社区'))
    fireEvent.click(await screen.findByText('1栋'))
    fireEvent.click(await waitFor(() => within(byId('claim-unit')).getByText('1单元')))
    fireEvent.click(await waitFor(() => within(byId('claim-room')).getByText('101')))
    await typeInto('claim-realname', '周明')
    fireEvent.click(byId('claim-submit'))

    expect(await screen.findByText('您已经申请过这一户，请等待居委会审核')).toBeTruthy()
  })

  it('goes back a step with a visible button', async () => {
    installFakeServer({
      'GET /api/communities': () => ({ body: { items: [community] } }),
      ...householdRoutes(1, households),
    })
    render(<ClaimHouseholdPage />)

    fireEvent.click(await screen.findByText('幸福里社区'))
    fireEvent.click(await screen.findByText('3栋'))
    await waitFor(() => byId('claim-unit'))
    fireEvent.click(screen.getByText('返回上一步'))

    expect(byId('claim-building')).toBeTruthy()
  })

  it('offers 重试 when the communities cannot be loaded', async () => {
    installFakeServer({})
    render(<ClaimHouseholdPage />)

    expect(await screen.findByText('找不到您要的页面或功能')).toBeTruthy()
    installFakeServer({ 'GET /api/communities': () => ({ body: { items: [community] } }) })
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('幸福里社区')).toBeTruthy()
  })
})
