import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { HeldContent } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { byId } from '../../../../test/dom'
import { makeMe } from '../../../../test/fixtures'
import { meStore, session } from '../../../stores/session'
import StaffModerationPage from '.'

const committee = makeMe({ isStaff: true, grants: [{ id: 1, role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区' } }] })
const community = { id: 1, name: '幸福里社区', address: '和平路88号', street: { id: 1, name: '和平街道' }, householdCount: 144 }
const queue: HeldContent = {
  checks: 'local',
  signups: [
    {
      signupId: 5,
      activity: { id: 2, title: '智能手机课' },
      nickname: '老王',
      companions: [{ name: '小明', relation: '孙子' }],
      answers: [{ question: '备注', answer: '有事打13812345678' }],
    },
  ],
  opinions: [{ poll: { id: 3, title: '楼道加装照明' }, ballotId: 'a'.repeat(32), opinion: '灯具团购请加微信' }],
  nicknames: [{ userId: 8, nickname: '王阿姨', pendingNickname: '王阿姨代购' }],
}

function open(handlers: Parameters<typeof installFakeServer>[0] = {}) {
  session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: committee })
  meStore.set(committee)
  const log = installFakeServer({
    'GET /api/me': () => ({ body: committee }),
    'GET /api/communities': () => ({ body: { items: [community] } }),
    'GET /api/communities/1/held-content': () => ({ body: queue }),
    ...handlers,
  })
  render(<StaffModerationPage />)
  return log
}

describe('待审核的留言 (staff)', () => {
  it('lists held sign-up texts and opinions, and says plainly when only the keyword list checks', async () => {
    open()
    const signup = await waitFor(() => byId('held-signup-5'))
    expect(signup.textContent).toContain('活动报名：智能手机课（老王）')
    expect(signup.textContent).toContain('同行家人：小明（孙子）')
    expect(signup.textContent).toContain('备注：有事打13812345678')
    expect(document.getElementById(`held-opinion-${'a'.repeat(32)}`)?.textContent).toContain('灯具团购请加微信')
    expect(document.getElementById('moderation-local-only')?.textContent).toContain('只按关键词检查')
  })

  it('hides a text only after a confirmation, then reloads the queue', async () => {
    let served = queue
    const log = open({
      'GET /api/communities/1/held-content': () => ({ body: served }),
      'POST /api/held-content/decisions': () => {
        served = { ...queue, signups: [] }
        return { body: { approved: false } }
      },
    })
    fireEvent.click(await waitFor(() => byId('held-reject-signup-5')))
    expect(await screen.findByText('隐藏后，这段内容会被删掉；报名名额和投票都保留。')).toBeTruthy()
    expect(log.some((r) => r.method === 'POST')).toBe(false)
    fireEvent.click(byId('held-confirm'))
    await waitFor(() => expect(document.getElementById('held-signup-5')).toBeNull())
    expect(log.find((r) => r.method === 'POST')?.data).toEqual({ kind: 'signup', signupId: 5, approve: false })
    expect(await screen.findByText('已隐藏这段内容')).toBeTruthy()
  })

  it('approves a held nickname by its words, after saying what approving does', async () => {
    const log = open({ 'POST /api/held-content/decisions': () => ({ body: { approved: true } }) })
    const held = await waitFor(() => byId('held-nickname-8'))
    expect(held.textContent).toContain('新昵称：王阿姨代购')
    expect(held.textContent).toContain('现在的昵称：王阿姨')
    fireEvent.click(byId('held-approve-nickname-8'))
    expect(await screen.findByText('通过后，大家会看到这个新昵称。')).toBeTruthy()
    fireEvent.click(byId('held-confirm'))
    await waitFor(() => expect(log.find((r) => r.method === 'POST')?.data).toEqual({ kind: 'nickname', userId: 8, pendingNickname: '王阿姨代购', approve: true }))
  })
})
