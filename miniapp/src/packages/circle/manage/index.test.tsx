import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { ServicePoint } from '@linli/shared'
import { byId, typeInto } from '../../../../test/dom'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { session } from '../../../stores/session'
import StaffServicePointsPage from '.'

const committee = makeMe({ isStaff: true, grants: [{ id: 1, role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区' } }] as never })
const canteen: ServicePoint = {
  id: 7,
  streetId: 1,
  communityId: 1,
  communityName: '幸福里社区',
  name: '幸福里老年食堂',
  kind: 'elderly_canteen',
  organisation: { id: 3, name: '长青老年协会' },
  address: '和平路88号1栋底商',
  lat: 25.041,
  lng: 102.709,
  hours: { periods: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '11:00', close: '13:00' })), note: '' },
  services: ['助餐'],
  phone: '0871-65550102',
}
const centres = { items: [{ communityId: 1, name: '幸福里社区', lat: 25.04, lng: 102.71 }] }
const registry = { items: [{ id: 3, name: '长青老年协会' }], total: 1, page: 1, pageSize: 100 }
const server = (extra: Parameters<typeof installFakeServer>[0] = {}) =>
  installFakeServer({
    'GET /api/me': () => ({ body: committee }),
    'GET /api/service-points': () => ({ body: { items: [canteen], total: 1, page: 1, pageSize: 20 } }),
    'GET /api/service-points/centres': () => ({ body: centres }),
    'GET /api/organisation-registry': () => ({ body: registry }),
    ...extra,
  })

describe('服务点管理', () => {
  beforeEach(() => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: committee })
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1366 })
  })

  it('shows the points as a table at a desk and filters by kind', async () => {
    const log = server()
    render(<StaffServicePointsPage />)
    const row = await waitFor(() => byId('point-table-row-7'))
    expect(row.textContent).toContain('老年食堂')
    expect(row.textContent).toContain('周一至周日 11:00–13:00')
    expect(row.textContent).toContain('长青老年协会')
    fireEvent.click(within(byId('filter-kind')).getByText('卫生服务站'))
    await waitFor(() => expect(log.some((r) => r.url.includes('/service-points?') && r.url.includes('kind=health_station'))).toBe(true))
  })

  it('shows cards on a phone', async () => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 390 })
    server()
    render(<StaffServicePointsPage />)
    expect((await waitFor(() => byId('point-card-7'))).textContent).toContain('和平路88号1栋底商')
    expect(document.getElementById('point-table')).toBeNull()
  })

  it('adds a point typed at the keyboard, with the week typed one box a day', async () => {
    const log = server({ 'POST /api/service-points': ({ data }) => ({ status: 201, body: { ...canteen, ...(data as object), id: 8 } }) })
    render(<StaffServicePointsPage />)
    fireEvent.click(await waitFor(() => byId('point-new')))
    await typeInto('point-name', '幸福里卫生服务站')
    await typeInto('point-address', '和平路86号')
    await typeInto('point-lat', '25.0418')
    await typeInto('point-lng', '102.7113')
    await typeInto('point-phone', '0871-65550104')
    await typeInto('point-services', '量血压、慢病随访')
    fireEvent.click(within(byId('point-kind')).getByText('卫生服务站'))
    await typeInto('point-day-1', '8:00-12:00 14:00-18:00')
    fireEvent.click(byId('point-copy-monday'))
    await typeInto('point-day-6', '上午')
    fireEvent.click(byId('point-save'))
    expect((await waitFor(() => byId('point-form-error'))).textContent).toContain('周六的开放时间看不懂')
    expect(log.some((r) => r.method === 'POST')).toBe(false)

    await typeInto('point-day-6', '')
    fireEvent.click(byId('point-save'))
    expect(await screen.findByText(/已保存“幸福里卫生服务站”/)).toBeTruthy()
    const sent = log.find((r) => r.method === 'POST')!.data as Record<string, unknown>
    expect(sent).toMatchObject({
      name: '幸福里卫生服务站',
      kind: 'health_station',
      communityId: 1,
      organisationId: null,
      lat: 25.0418,
      lng: 102.7113,
      services: ['量血压', '慢病随访'],
      phone: '0871-65550104',
    })
    expect((sent.hours as { periods: unknown[] }).periods).toHaveLength(10)
  })

  it('shows the server\'s words when a point is refused, and removes one only after a confirmation', async () => {
    const log = server({
      'PATCH /api/service-points/7': () => ({
        status: 400,
        body: { code: 'COORDINATES_OUT_OF_RANGE', message: '位置坐标不对：纬度要在3.8到53.6之间、经度要在73.4到135.1之间（中国境内），请在地图上重新选点' },
      }),
      'DELETE /api/service-points/7': () => ({ body: { ok: true } }),
    })
    render(<StaffServicePointsPage />)
    fireEvent.click(await waitFor(() => byId('point-edit-7')))
    await typeInto('point-lat', '95')
    fireEvent.click(byId('point-save'))
    expect(await screen.findByText(/请在地图上重新选点/)).toBeTruthy()
    expect(log.find((r) => r.method === 'PATCH')?.data).not.toHaveProperty('communityId')
    fireEvent.click(byId('point-cancel'))

    fireEvent.click(await waitFor(() => byId('point-remove-7')))
    expect(await screen.findByText(/居民在“身边服务”里不会再看到“幸福里老年食堂”/)).toBeTruthy()
    expect(log.some((r) => r.method === 'DELETE')).toBe(false)
    fireEvent.click(byId('point-remove-confirm'))
    expect(await screen.findByText('已删除“幸福里老年食堂”')).toBeTruthy()
  })

  it('sets where the community is, which residents\' distances start from', async () => {
    const log = server({ 'PUT /api/service-points/centres/1': ({ data }) => ({ body: { communityId: 1, name: '幸福里社区', ...(data as object) } }) })
    render(<StaffServicePointsPage />)
    await typeInto('centre-1-lat', '25.0412')
    fireEvent.click(byId('centre-1-save'))
    expect(await screen.findByText(/居民的“身边服务”从这里算距离/)).toBeTruthy()
    expect(log.find((r) => r.method === 'PUT')?.data).toEqual({ lat: 25.0412, lng: 102.71 })
  })
})
