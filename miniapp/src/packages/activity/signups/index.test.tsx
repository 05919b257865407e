import { render, screen, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../../../test/fake-server'
import { makeActivity, makeMe, makeSignup } from '../../../../test/fixtures'
import { session } from '../../../stores/session'
import MySignupsPage from '.'
import { byId } from '../../../../test/dom'

describe('我的报名', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() }))

  it('lists every sign-up with its status in words, time, place and a QR of the check-in code', async () => {
    installFakeServer({
      'GET /api/me/signups': () => ({
        body: {
          items: [
            { ...makeSignup({ companions: [{ name: '王秀英', relation: '老伴' }], size: 2 }), activity: makeActivity() },
            { ...makeSignup({ id: 302, activityId: 22, status: 'waitlisted', waitlistPosition: 2, checkinCode: 'ZZ88AA11', contentHeld: true }), activity: makeActivity({ id: 22, title: '太极拳', startsAt: '2026-11-26T06:00:00.000Z', endsAt: '2026-11-26T07:00:00.000Z' }) },
          ],
        },
      }),
    })

    render(<MySignupsPage />)

    await waitFor(() => byId('signup-301'))
    const first = byId('signup-301').textContent ?? ''
    expect(first).toContain('重阳节包饺子')
    expect(first).toContain('已报名')
    expect(first).toContain('社区活动室（3栋一楼）')
    expect(first).toContain('带 1 位家人：老伴 王秀英')
    expect(first).toContain('K7Q2M9XA')
    expect(byId('signup-qr-301').querySelector('img, taro-image-core')).toBeTruthy()
    expect(byId('signup-302').textContent).toContain('您在候补第 2 位')
    expect(byId('signup-302').textContent).toContain('候补中')
    // What the resident wrote waits for staff, and the page says so; the sign-up itself is unaffected.
    expect(byId('signup-held-302').textContent).toContain('您填写的内容要请工作人员看一下')
    expect(document.getElementById('signup-held-301')).toBeNull()
  })

  it('shows a sign-up of a cancelled activity as 活动已取消, without a check-in QR', async () => {
    installFakeServer({
      'GET /api/me/signups': () => ({
        body: {
          items: [
            { ...makeSignup({ status: 'activity_cancelled' }), activity: makeActivity({ status: 'cancelled', seatState: 'cancelled' }) },
            { ...makeSignup({ id: 302, activityId: 22, checkinCode: 'ZZ88AA11' }), activity: makeActivity({ id: 22, title: '太极拳' }) },
          ],
        },
      }),
    })

    render(<MySignupsPage />)

    await waitFor(() => byId('signup-301'))
    const card = byId('signup-301')
    expect(card.querySelector('.ll-chip')?.textContent).toBe('活动已取消')
    expect(card.textContent).toContain('组织方取消了这个活动，您不用去了。')
    expect(card.textContent).not.toContain('K7Q2M9XA')
    expect(document.getElementById('signup-qr-301')).toBeNull()
    // A sign-up that still counts keeps its code.
    expect(byId('signup-qr-302')).toBeTruthy()
  })

  it('says what to do when there is nothing yet', async () => {
    installFakeServer({ 'GET /api/me/signups': () => ({ body: { items: [] } }) })

    render(<MySignupsPage />)

    expect(await screen.findByText('您还没有报名活动')).toBeTruthy()
  })
})
