import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { byId, typeInto } from '../../../../test/dom'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { makeWish, pageOf } from '../../../../test/help-fixtures'
import { session } from '../../../stores/session'
import WishFormPage from '.'

const committee = makeMe({ id: 2, isStaff: true, grants: [{ id: 1, role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区' } }] })
const community = { id: 1, name: '幸福里社区', address: '', street: { id: 1, name: '和平街道' }, householdCount: 0 }

describe('录入微心愿 (staff)', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: committee }))

  it('publishes a wish for my community and says how residents will see the person', async () => {
    const log = installFakeServer({
      'GET /api/me': () => ({ body: committee }),
      'GET /api/communities': () => ({ body: { items: [community] } }),
      'GET /api/wishes': () => ({ body: pageOf([]) }),
      'POST /api/wishes': ({ data }) => ({ status: 201, body: makeWish({ ...(data as object), beneficiary: '王*', beneficiaryName: '王秀兰' }) }),
    })
    render(<WishFormPage />)
    expect(await screen.findByText('还没有心愿')).toBeTruthy()
    await typeInto('wish-name', '王秀兰')
    await typeInto('wish-title', '一双防滑棉鞋')
    fireEvent.click(byId('wish-submit'))
    await waitFor(() => expect(log.find((r) => r.method === 'POST')?.data).toMatchObject({ communityId: 1, beneficiaryName: '王秀兰', title: '一双防滑棉鞋' }))
    expect(await screen.findByText('已发布“一双防滑棉鞋”，居民看到的是“王*”')).toBeTruthy()
  })

  it('confirms a delivered wish', async () => {
    const delivered = makeWish({ state: 'delivered', beneficiaryName: '王秀兰', claimer: { kind: 'team', name: '巾帼志愿服务队' }, actions: ['confirm'] })
    const log = installFakeServer({
      'GET /api/me': () => ({ body: committee }),
      'GET /api/communities': () => ({ body: { items: [community] } }),
      'GET /api/wishes': () => ({ body: pageOf([delivered]) }),
      'POST /api/wishes/8/confirm': () => ({ body: { ...delivered, state: 'confirmed', actions: [] } }),
    })
    render(<WishFormPage />)
    const card = await waitFor(() => byId('wish-8'))
    expect(card.textContent).toContain('王秀兰（居民看到的是 王*）')
    fireEvent.click(byId('wish-confirm-8'))
    await waitFor(() => expect(log.some((r) => r.method === 'POST' && r.url === '/api/wishes/8/confirm')).toBe(true))
  })
})
