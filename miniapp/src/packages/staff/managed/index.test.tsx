import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ManagedResident } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { makeActivity, makeMe, makeSignup } from '../../../../test/fixtures'
import { byId, typeInto } from '../../../../test/dom'
import { router } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import StaffManagedPage from '.'

const committee = makeMe({ isStaff: true, grants: [{ id: 1, role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区' } }] })
const community = { id: 1, name: '幸福里社区', address: '和平路88号', street: { id: 1, name: '和平街道' }, householdCount: 144, archived: false }
const qian: ManagedResident = {
  id: 40,
  name: '钱奶奶',
  household: { id: 2, communityId: 1, communityName: '幸福里社区', building: '1栋', unit: '1单元', room: '102' },
  registeredBy: '赵主任',
  createdAt: '2026-12-01T02:00:00.000Z',
}

function server(extra: Parameters<typeof installFakeServer>[0] = {}) {
  session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: committee })
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: 390 })
  return installFakeServer({
    'GET /api/me': () => ({ body: committee }),
    'GET /api/communities': () => ({ body: { items: [community] } }),
    'GET /api/managed-residents': () => ({ body: { items: [qian], total: 1, page: 1, pageSize: 100 } }),
    'GET /api/communities/1/buildings': () => ({ body: { items: ['1栋'] } }),
    'GET /api/communities/1/units': () => ({ body: { items: ['1单元'] } }),
    'GET /api/communities/1/households': () => ({ body: { items: [{ id: 3, communityId: 1, building: '1栋', unit: '1单元', room: '103' }], total: 1, page: 1, pageSize: 500 } }),
    ...extra,
  })
}

describe('代办 (committee)', () => {
  it('registers a resident by name and 楼栋 → 单元 → 房号', async () => {
    const log = server({ 'POST /api/managed-residents': ({ data }) => ({ body: { ...qian, id: 41, name: (data as { name: string }).name } }) })
    render(<StaffManagedPage />)
    await typeInto('managed-name', '孙爷爷')
    fireEvent.click(await screen.findByText('1栋'))
    fireEvent.click(await screen.findByText('1单元'))
    fireEvent.click(await screen.findByText('103'))
    fireEvent.click(byId('managed-register-submit'))
    await screen.findByText('已登记“孙爷爷”，现在可以为他（她）代报名了')
    expect(log.find((r) => r.method === 'POST')?.data).toEqual({ name: '孙爷爷', householdId: 3 })
  })

  it('says what is missing before sending anything', async () => {
    const log = server()
    render(<StaffManagedPage />)
    await waitFor(() => byId('managed-register-submit'))
    fireEvent.click(byId('managed-register-submit'))
    expect(await screen.findByText('请填写居民的名字')).toBeTruthy()
    expect(log.some((r) => r.method === 'POST')).toBe(false)
  })

  it('signs a managed resident up for an activity and shows the handover code once', async () => {
    const log = server({
      'GET /api/activities': () => ({ body: { items: [makeActivity({ id: 7, title: '太极拳晨练' })], total: 1, page: 1, pageSize: 50 } }),
      'POST /api/managed-residents/40/signups': () => ({ body: makeSignup({ id: 90, status: 'confirmed' }) }),
      'POST /api/managed-residents/40/handover': () => ({ body: { code: 'K7QM3XA2B9CD', expiresAt: '2026-12-14T02:00:00.000Z' } }),
    })
    render(<StaffManagedPage />)
    fireEvent.click(await waitFor(() => byId('managed-signup-40')))
    fireEvent.click(await screen.findByText(/太极拳晨练/))
    fireEvent.click(byId('managed-signup-confirm-40'))
    await screen.findByText('已为钱奶奶代报名：已报名')
    expect(log.find((r) => r.url.endsWith('/signups'))?.data).toMatchObject({ activityId: 7 })
    fireEvent.click(byId('managed-handover-button-40'))
    expect((await waitFor(() => byId('managed-handover-40'))).textContent).toContain('K7QM3XA2B9CD')
  })

  it('opened from an activity, comes with that activity chosen', async () => {
    router.params = { activityId: '7' }
    const log = server({
      'GET /api/activities': () => ({ body: { items: [makeActivity({ id: 7, title: '太极拳晨练' })], total: 1, page: 1, pageSize: 50 } }),
      'POST /api/managed-residents/40/signups': () => ({ body: makeSignup({ id: 91, status: 'waitlisted' }) }),
    })
    render(<StaffManagedPage />)
    fireEvent.click(await waitFor(() => byId('managed-signup-40')))
    await screen.findByText(/✓ 太极拳晨练/)
    fireEvent.click(byId('managed-signup-confirm-40'))
    await screen.findByText('已为钱奶奶代报名：候补中')
    expect(log.find((r) => r.url.endsWith('/signups'))?.data).toMatchObject({ activityId: 7 })
  })
})
