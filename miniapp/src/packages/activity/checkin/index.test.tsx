import { fireEvent, render, waitFor } from '@testing-library/react'
import { installFakeServer } from '../../../../test/fake-server'
import { makeDetail, makeMe, makeSignup } from '../../../../test/fixtures'
import { router } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import ActivityCheckinPage from '.'

describe('活动签到 (staff)', () => {
  it("shows the activity's QR and token, and checks a resident in by their code", async () => {
    session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ isStaff: true }) })
    router.params = { id: '21' }
    const log = installFakeServer({
      'GET /api/activities/21': () => ({ body: makeDetail({ canManage: true, checkinToken: 'tok-abc' }) }),
      'POST /api/activities/21/checkins': () => ({
        status: 201,
        body: { signup: makeSignup({ status: 'attended', companions: [{ name: '王秀英', relation: '老伴' }], size: 2 }), action: 'checked_in' },
      }),
    })

    render(<ActivityCheckinPage />)

    await waitFor(() => expect(document.getElementById('checkin-token-text')?.textContent).toBe('tok-abc'))
    const field = document.getElementById('checkin-code')!
    fireEvent.input(field.querySelector('input') ?? field, { target: { value: 'K7Q2M9XA' }, detail: { value: 'K7Q2M9XA' } })
    fireEvent.click(document.getElementById('checkin-submit')!)

    await waitFor(() => expect(document.getElementById('checkin-result')?.textContent).toContain('签到成功，带 1 位家人'))
    expect(log.find((r) => r.method === 'POST')?.data).toEqual({ signupCode: 'K7Q2M9XA' })
  })
})
