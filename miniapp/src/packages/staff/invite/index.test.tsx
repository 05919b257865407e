import { fireEvent, render, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../../../test/fake-server'
import { byId, typeInto } from '../../../../test/dom'
import { makeMe } from '../../../../test/fixtures'
import { navigations, router } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import InvitePage from '.'

const view = {
  code: 'K7QM3X',
  role: 'committee_staff',
  scope: { kind: 'community', id: 1, name: '幸福里社区', streetName: '和平街道' },
  inviterName: '李主任',
  expiresAt: '2099-01-08T02:00:00.000Z',
}

describe('接受邀请', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() }))

  it('opened by a scanned code: shows what the invite is, and accepting makes the grant', async () => {
    router.params = { scene: encodeURIComponent('i=k7qm3x') }
    const log = installFakeServer({
      'GET /api/invites/K7QM3X': () => ({ body: view }),
      'POST /api/invites/K7QM3X/accept': () => ({ body: { id: 9, userId: 3, nickname: '小张', role: 'committee_staff', scope: view.scope } }),
    })
    render(<InvitePage />)
    expect((await waitFor(() => byId('invite-role'))).textContent).toBe('幸福里社区（和平街道）的居委会工作人员')
    expect(byId('invite-details').textContent).toContain('李主任 邀请您成为')
    fireEvent.click(byId('invite-accept'))
    expect((await waitFor(() => byId('invite-accepted'))).textContent).toContain('您现在是幸福里社区（和平街道）的居委会工作人员')
    expect(log.map((r) => `${r.method} ${r.url}`)).toContain('POST /api/invites/K7QM3X/accept')
  })

  it('says plainly why a used invite cannot be accepted', async () => {
    router.params = { scene: encodeURIComponent('i=K7QM3X') }
    installFakeServer({
      'GET /api/invites/K7QM3X': () => ({ status: 409, body: { code: 'INVITE_USED', message: '这个邀请已经被使用过了，每个邀请只能用一次；如需加入请联系邀请人重新邀请' } }),
    })
    render(<InvitePage />)
    await waitFor(() => expect(document.body.textContent).toContain('这个邀请已经被使用过了'))
  })

  it('takes a typed code and opens it as a scanned one would', async () => {
    router.params = {}
    installFakeServer({})
    render(<InvitePage />)
    await typeInto('invite-code', 'k7q')
    fireEvent.click(byId('invite-lookup'))
    expect(document.body.textContent).toContain('邀请码是6位字母或数字')
    await typeInto('invite-code', 'k7qm3x')
    fireEvent.click(byId('invite-lookup'))
    await waitFor(() => expect(navigations.at(-1)).toMatchObject({ url: expect.stringContaining('scene=i%3DK7QM3X') }))
  })
})
