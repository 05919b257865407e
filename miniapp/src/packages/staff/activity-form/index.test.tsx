import { fireEvent, render, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../../../test/fake-server'
import { makeDetail, makeMe } from '../../../../test/fixtures'
import { navigations, router } from '../../../../test/taro-shim'
import { meStore, session } from '../../../stores/session'
import ActivityFormPage from '.'
import { byId } from '../../../../test/dom'

const staff = makeMe({ isStaff: true, grants: [{ id: 1, role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区' } }] })
const community = { id: 1, name: '幸福里社区', address: '和平路 1 号', street: { id: 1, name: '和平街道' }, householdCount: 120 }

/** Opens the form on activity 21 (a session of series 20 when `seriesId` is set) and returns the request log. */
function editing(seriesId: number | null, patch: () => { status?: number; body: unknown } = () => ({ body: makeDetail({ seriesId, canManage: true }) })) {
  session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: staff })
  meStore.set(staff)
  router.params = { id: '21' }
  const log = installFakeServer({
    'GET /api/me': () => ({ body: staff }),
    'GET /api/communities': () => ({ body: { items: [community] } }),
    'GET /api/organisations': () => ({ body: { items: [] } }),
    'GET /api/activities/21': () => ({ body: makeDetail({ seriesId, canManage: true, seats: 20, cancelDeadline: '2026-11-24T10:00:00.000Z' }) }),
    'PATCH /api/activities/21': patch,
  })
  render(<ActivityFormPage />)
  return log
}
const patches = (log: { method?: string; data?: unknown }[]) => log.filter((r) => r.method === 'PATCH').map((r) => r.data as Record<string, unknown>)

describe('修改活动', () => {
  it('saves a single activity straight away, without asking about other sessions', async () => {
    const log = editing(null)
    fireEvent.click(await waitFor(() => byId('activity-form-save')))

    await waitFor(() => expect(patches(log)).toHaveLength(1))
    // The server's default: this activity only.
    expect(patches(log)[0]).toMatchObject({ title: '重阳节包饺子', seats: 20, scope: 'this' })
    expect(document.getElementById('activity-form-scope-this')).toBeNull()
  })

  it.each([
    ['activity-form-scope-this', 'this'],
    ['activity-form-scope-following', 'following'],
  ])('asks which sessions of a series to change, then saves with that choice (%s)', async (button, scope) => {
    const log = editing(20)
    await waitFor(() => byId('activity-form-save'))
    expect(document.body.textContent).toContain('这是每周重复的活动中的一次')

    fireEvent.click(byId('activity-form-save'))
    await waitFor(() => byId(button))
    expect(byId('activity-form-scope-this').textContent).toBe('只改这一次')
    expect(byId('activity-form-scope-following').textContent).toBe('改这一次及以后各次')
    expect(patches(log)).toEqual([])

    fireEvent.click(byId(button))

    await waitFor(() => expect(patches(log)).toHaveLength(1))
    expect(patches(log)[0]).toMatchObject({ scope, seats: 20, place: '社区活动室（3栋一楼）' })
    await waitFor(() => expect(navigations).toContainEqual({ method: 'redirectTo', url: '/packages/activity/detail/index?id=21' }))
  })

  it('saves nothing when I go back from the question, and shows why the server refused', async () => {
    const log = editing(20, () => ({ status: 409, body: { code: 'CAPACITY_BELOW_TAKEN', message: '11/25 14:00 那一次已有 12 人报上名，名额不能少于 12' } }))
    fireEvent.click(await waitFor(() => byId('activity-form-save')))
    fireEvent.click(await waitFor(() => byId('activity-form-scope-back')))
    expect(patches(log)).toEqual([])

    fireEvent.click(byId('activity-form-save'))
    fireEvent.click(await waitFor(() => byId('activity-form-scope-following')))

    await waitFor(() => expect(byId('activity-form-error').textContent).toContain('那一次已有 12 人报上名，名额不能少于 12'))
    expect(patches(log)).toHaveLength(1)
  })
})
