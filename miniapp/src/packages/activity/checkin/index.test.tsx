import { fireEvent, render, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../../../test/fake-server'
import { makeDetail, makeMe, makeSignup } from '../../../../test/fixtures'
import { navigations, router } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import ActivityCheckinPage from '.'
import { typeInto } from '../../../../test/dom'

const plainCode = {
  kind: 'plain',
  scene: '21.tok-abc',
  page: 'packages/activity/checkin/index',
  image: null,
  notice: '本系统还没有接入微信，这是普通二维码：请居民在小程序的活动页面点“扫码签到”来扫，或输入码下面的字。',
}

describe('活动签到 (staff)', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ isStaff: true }) }))

  it("shows the activity's plain QR with the reason, and checks a resident in by their code", async () => {
    router.params = { id: '21' }
    const log = installFakeServer({
      'GET /api/activities/21': () => ({ body: makeDetail({ canManage: true, checkinToken: 'tok-abc' }) }),
      'GET /api/activities/21/checkin-code': () => ({ body: plainCode }),
      'POST /api/activities/21/checkins': () => ({
        status: 201,
        body: { signup: makeSignup({ status: 'attended', companions: [{ name: '王秀英', relation: '老伴' }], size: 2 }), action: 'checked_in' },
      }),
    })

    render(<ActivityCheckinPage />)

    await waitFor(() => expect(document.getElementById('checkin-token-text')?.textContent).toBe('tok-abc'))
    await waitFor(() => expect(document.getElementById('checkin-plain-notice')?.textContent).toContain('还没有接入微信'))
    expect(document.getElementById('checkin-wxacode')).toBeNull()
    await typeInto('checkin-code', 'K7Q2M9XA')
    fireEvent.click(document.getElementById('checkin-submit')!)

    await waitFor(() => expect(document.getElementById('checkin-result')?.textContent).toContain('签到成功，带 1 位家人'))
    expect(log.find((r) => r.method === 'POST')?.data).toEqual({ signupCode: 'K7Q2M9XA' })
  })

  it('shows the mini-program code when the server has WeChat', async () => {
    router.params = { id: '21' }
    const image = 'data:image/png;base64,iVBORw0KGgo='
    installFakeServer({
      'GET /api/activities/21': () => ({ body: makeDetail({ canManage: true, checkinToken: 'tok-abc' }) }),
      'GET /api/activities/21/checkin-code': () => ({ body: { ...plainCode, kind: 'miniprogram', image, notice: null } }),
    })

    render(<ActivityCheckinPage />)

    await waitFor(() => expect(document.getElementById('checkin-wxacode')).not.toBeNull())
    expect(document.querySelector('#checkin-wxacode img, #checkin-wxacode taro-image-core')?.getAttribute('src')).toBe(image)
    expect(document.getElementById('checkin-plain-notice')).toBeNull()
  })
})

describe('活动签到 (a resident scanned the mini-program code)', () => {
  it('reads the scene and checks in at once', async () => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() })
    router.params = { scene: encodeURIComponent('21.tok-abc') }
    const log = installFakeServer({
      'POST /api/activities/21/checkins': () => ({ status: 201, body: { signup: makeSignup({ status: 'attended' }), action: 'checked_in' } }),
    })

    render(<ActivityCheckinPage />)

    await waitFor(() => expect(document.getElementById('scene-checkin-result')?.textContent).toBe('签到成功，欢迎您！'))
    expect(log.filter((r) => r.method === 'POST').map((r) => r.data)).toEqual([{ token: 'tok-abc' }])
    fireEvent.click(document.getElementById('scene-checkin-activity')!)
    expect(navigations.at(-1)?.url).toBe('/packages/activity/detail/index?id=21')
  })

  it("says the server's reason when check-in is refused", async () => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() })
    router.params = { scene: '21.tok-abc' }
    installFakeServer({
      'POST /api/activities/21/checkins': () => ({ status: 409, body: { code: 'CHECKIN_NOT_SIGNED_UP', message: '您没有报名这个活动，不能签到' } }),
    })

    render(<ActivityCheckinPage />)

    await waitFor(() => expect(document.getElementById('scene-checkin-result')?.textContent).toBe('您没有报名这个活动，不能签到'))
  })

  it('keeps the scene through logging in', async () => {
    session.clear()
    router.path = '/packages/activity/checkin/index'
    router.params = { scene: '21.tok-abc' }
    installFakeServer({})

    render(<ActivityCheckinPage />)

    await waitFor(() => expect(navigations.at(-1)).toEqual({ method: 'reLaunch', url: '/pages/login/index?from=activityCheckin&scene=21.tok-abc' }))
  })
})
