import { render, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../../../test/fake-server'
import { makeDetail, makeMe, makeSignup } from '../../../../test/fixtures'
import { router } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import AttendeesPage from '.'

describe('报名名单 (staff)', () => {
  it('shows each attendee with status, family, answers and no-shows, and how full it is', async () => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ isStaff: true }) })
    router.params = { id: '21' }
    installFakeServer({
      'GET /api/activities/21': () => ({
        body: makeDetail({ canManage: true, questions: [{ id: 'bus', kind: 'single', title: '是否需要接送', required: true, options: ['需要', '不需要'] }] }),
      }),
      'GET /api/activities/21/signups': () => ({
        body: {
          items: [{ ...makeSignup({ companions: [{ name: '王秀英', relation: '老伴' }], size: 2, answers: { bus: '需要' } }), user: { id: 9, nickname: '张阿姨', noShowCount: 2 } }],
          fill: { seats: 20, seatsTaken: 17, percent: 85, threshold: 80 },
        },
      }),
    })

    render(<AttendeesPage />)

    await waitFor(() => expect(document.getElementById('attendee-301')).toBeTruthy())
    const text = document.getElementById('attendee-301')?.textContent ?? ''
    expect(text).toContain('张阿姨')
    expect(text).toContain('已报名')
    expect(text).toContain('同行家人：老伴 王秀英')
    expect(text).toContain('是否需要接送：需要')
    expect(text).toContain('以往报名未到场 2 次')
    expect(document.getElementById('attendee-fill')?.textContent).toContain('已报 17 / 20 个名额')
    expect(document.getElementById('attendee-fill')?.textContent).toContain('已过 80%')
  })
})
