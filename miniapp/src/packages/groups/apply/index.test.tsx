import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { session } from '../../../stores/session'
import OrgApplyPage from '.'
import { byId, typeInto } from '../../../../test/dom'

const community = { id: 1, name: '幸福里社区', address: '', street: { id: 1, name: '和平街道' }, householdCount: 0 }

describe('社区组织备案 (resident)', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() }))

  it('shows my applications with their status and the reason of a rejection', async () => {
    installFakeServer({
      'GET /api/communities': () => ({ body: { items: [community] } }),
      'GET /api/me/organisation-applications': () => ({
        body: {
          items: [
            { id: 3, communityId: 1, communityName: '幸福里社区', name: '棋社', leader: '楚河', membersCount: 8, activities: '下棋', venue: '凉亭', status: 'rejected', reason: '请补充成员名单', organisationId: null, createdAt: '2026-11-25T06:00:00.000Z', decidedAt: '2026-11-26T06:00:00.000Z' },
          ],
          total: 1,
          page: 1,
          pageSize: 50,
        },
      }),
    })
    render(<OrgApplyPage />)
    const card = await waitFor(() => byId('application-3'))
    expect(card.textContent).toContain('未通过')
    expect(card.textContent).toContain('原因：请补充成员名单')
  })

  it('asks for the community first, then submits the application', async () => {
    const log = installFakeServer({
      'GET /api/communities': () => ({ body: { items: [community] } }),
      'GET /api/me/organisation-applications': () => ({ body: { items: [], total: 0, page: 1, pageSize: 50 } }),
      'POST /api/organisation-applications': ({ data }) => ({
        status: 201,
        body: { id: 9, communityName: '幸福里社区', status: 'pending', reason: null, organisationId: null, createdAt: '2026-11-25T06:00:00.000Z', decidedAt: null, ...(data as object) },
      }),
    })
    render(<OrgApplyPage />)
    expect(await screen.findByText('还没有申请')).toBeTruthy()
    await typeInto('apply-name', '幸福里太极拳队')
    await typeInto('apply-leader', '林师傅')
    await typeInto('apply-members', '24')
    await typeInto('apply-activities', '每天早上练太极拳')
    await typeInto('apply-venue', '中心花园')
    fireEvent.click(byId('apply-submit'))
    expect(await screen.findByText('请先选择所在社区')).toBeTruthy()
    expect(log.some((r) => r.method === 'POST')).toBe(false)

    fireEvent.click(within(byId('apply-community')).getByText('幸福里社区'))
    fireEvent.click(byId('apply-submit'))
    await waitFor(() =>
      expect(log.find((r) => r.method === 'POST')?.data).toEqual({
        communityId: 1,
        name: '幸福里太极拳队',
        leader: '林师傅',
        membersCount: 24,
        activities: '每天早上练太极拳',
        venue: '中心花园',
      }),
    )
    expect(await screen.findByText(/已提交“幸福里太极拳队”的备案申请/)).toBeTruthy()
  })
})
