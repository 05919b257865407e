import { fireEvent, render, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../../../test/fake-server'
import { byId } from '../../../../test/dom'
import { makeMe } from '../../../../test/fixtures'
import { session } from '../../../stores/session'
import PeoplePage from '.'

const community = { id: 1, name: '幸福里社区', address: '和平路88号', street: { id: 1, name: '和平街道' }, householdCount: 144 }
const team = { id: 2, name: '巾帼志愿服务队', type: 'volunteer_team', communityIds: [1] }
const social = { id: 3, name: '启航社工', type: 'social_work', communityIds: [1] }
const grant = { id: 7, userId: 4, nickname: '小张', role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区', streetName: '和平街道' } }

describe('人员 (staff)', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ isStaff: true }) }))

  function open(extra: Parameters<typeof installFakeServer>[0] = {}) {
    let grants = [grant]
    const log = installFakeServer({
      'GET /api/communities': () => ({ body: { items: [community] } }),
      'GET /api/organisations': () => ({ body: { items: [team, social] } }),
      'GET /api/grants': () => ({ body: { items: grants, total: grants.length, page: 1, pageSize: 20 } }),
      'DELETE /api/grants/7': () => {
        grants = []
        return { body: { ok: true } }
      },
      ...extra,
    })
    render(<PeoplePage />)
    return log
  }

  it('invites a colleague: choose role and place, then shows the code and a QR', async () => {
    const log = open({
      'POST /api/invites': () => ({
        status: 201,
        body: { code: 'K7QM3X', role: 'team_leader', scope: { kind: 'organisation', id: 2, name: '巾帼志愿服务队', streetName: '和平街道' }, inviterName: '李主任', expiresAt: '2099-01-08T02:00:00.000Z', page: 'packages/staff/invite/index', scene: 'i=K7QM3X', image: null },
      }),
    })
    fireEvent.click(await waitFor(() => byId('people-role-team_leader')))
    // Only volunteer teams can have a leader.
    await waitFor(() => byId('people-scope-2'))
    expect(document.getElementById('people-scope-3')).toBeNull()
    fireEvent.click(byId('people-scope-2'))
    fireEvent.click(byId('people-invite-create'))
    expect((await waitFor(() => byId('people-invite-code'))).textContent).toBe('K7QM3X')
    expect(byId('people-invite-qr').getAttribute('src')).toMatch(/^data:image\/gif;base64,/)
    const sent = log.find((r) => r.method === 'POST')!
    expect(sent.data).toEqual({ role: 'team_leader', scopeId: 2, expiresInDays: 7 })
  })

  it('revokes a grant only after a confirmation', async () => {
    const log = open()
    fireEvent.click(await waitFor(() => byId('grant-revoke-7')))
    expect(document.body.textContent).toContain('撤销后，小张马上不能再以幸福里社区（和平街道）的居委会工作人员的身份操作。')
    expect(log.some((r) => r.method === 'DELETE')).toBe(false)
    fireEvent.click(byId('grant-revoke-confirm'))
    await waitFor(() => expect(log.some((r) => r.method === 'DELETE' && r.url.endsWith('/api/grants/7'))).toBe(true))
    await waitFor(() => expect(document.getElementById('grant-7')).toBeNull())
  })
})
