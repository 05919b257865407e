import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { NearbyServicePoint, NearbyServicePoints } from '@linli/shared'
import { byId } from '../../../../test/dom'
import { installFakeServer } from '../../../../test/fake-server'
import { household, makeMe } from '../../../../test/fixtures'
import { navigations } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import NearbyServicesPage from '.'

const resident = makeMe({ verified: true, residencies: [{ household, source: 'census', verifiedAt: '2026-01-01T00:00:00.000Z' }] })
const office = [1, 2, 3, 4, 5].flatMap((day) => [
  { day, open: '08:30', close: '12:00' },
  { day, open: '14:00', close: '17:30' },
])
const point = (overrides: Partial<NearbyServicePoint>): NearbyServicePoint => ({
  id: 1,
  streetId: 1,
  communityId: 1,
  communityName: '幸福里社区',
  name: '幸福里老年食堂',
  kind: 'elderly_canteen',
  organisation: null,
  address: '和平路88号1栋底商',
  lat: 25.041,
  lng: 102.709,
  hours: { periods: office, note: '80岁以上老人午餐减免' },
  services: ['助餐', '送餐上门'],
  phone: '0871-65550102',
  distanceMeters: 440,
  walkingMeters: 572,
  walkingMinutes: 8,
  openNow: true,
  today: [
    { open: '08:30', close: '12:00' },
    { open: '14:00', close: '17:30' },
  ],
  ...overrides,
})
const near = (items: NearbyServicePoint[]): NearbyServicePoints => ({
  origin: { lat: 25.04, lng: 102.71, source: 'household', communityName: '幸福里社区' },
  radiusMeters: 3000,
  items,
})

describe('身边服务', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: resident }))

  it('lists the points nearest home first, in words, with open or closed and a big call button', async () => {
    const call = jest.spyOn(Taro as unknown as { makePhoneCall: (o: { phoneNumber: string }) => Promise<unknown> }, 'makePhoneCall').mockResolvedValue({})
    const log = installFakeServer({
      'GET /api/me': () => ({ body: resident }),
      'GET /api/service-points/near': () => ({
        body: near([
          point({}),
          point({ id: 2, name: '幸福里儿童之家', kind: 'children_home', openNow: false, today: [], phone: '', distanceMeters: 900, walkingMeters: 1170, walkingMinutes: 17 }),
        ]),
      }),
    })
    render(<NearbyServicesPage />)
    const first = await waitFor(() => byId('point-1'))
    expect(log.find((r) => r.url.includes('/service-points/near'))?.url).toContain('householdId=3')
    expect(first.textContent).toContain('老年食堂 · 步行约8分钟（约550米）')
    expect(first.textContent).toContain('今天 8:30–12:00、14:00–17:30')
    expect(first.textContent).toContain('周一至周五 8:30–12:00、14:00–17:30')
    expect(first.textContent).toContain('周六、周日 休息')
    expect(first.textContent).toContain('80岁以上老人午餐减免')
    expect(byId('point-1-open').textContent).toContain('营业中')
    expect(byId('point-2-open').textContent).toContain('已休息')
    expect(byId('point-2').textContent).toContain('今天休息')
    expect(document.getElementById('point-2-call')).toBeNull()
    expect(screen.getByText(/从幸福里社区算起/)).toBeTruthy()
    // H5 has no map tiles and no GCJ-02 position: the list alone, from home.
    expect(document.getElementById('circle-map')).toBeNull()
    expect(document.getElementById('circle-locate')).toBeNull()

    fireEvent.click(byId('point-1-call'))
    expect(call).toHaveBeenCalledWith({ phoneNumber: '0871-65550102' })
    const cards = document.querySelectorAll('.circle-card')
    expect([...cards].map((c) => c.id)).toEqual(['point-1', 'point-2'])
  })

  it('says what to do when the community has no position yet, and retries', async () => {
    let answer: { status: number; body: unknown } = {
      status: 409,
      body: { code: 'NEAR_ORIGIN_UNKNOWN', message: '您所在的社区还没有设置位置，暂时算不出距离；请联系居委会，或允许使用您的位置' },
    }
    installFakeServer({ 'GET /api/me': () => ({ body: resident }), 'GET /api/service-points/near': () => answer })
    render(<NearbyServicesPage />)
    expect(await screen.findByText(/社区还没有设置位置/)).toBeTruthy()
    answer = { status: 200, body: near([]) }
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('约3公里内还没有登记的服务点')).toBeTruthy()
  })

  it('sends a resident without a verified home to verify one', async () => {
    const newcomer = makeMe()
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: newcomer })
    const log = installFakeServer({ 'GET /api/me': () => ({ body: newcomer }) })
    render(<NearbyServicesPage />)
    fireEvent.click(await waitFor(() => byId('circle-claim')))
    expect(navigations.at(-1)?.url).toContain('packages/residency/claim/index')
    expect(log.some((r) => r.url.includes('/service-points/near'))).toBe(false)
  })
})
