import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { PaperBallot, PollHouseholdVoters } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { householdRoutes } from '../../../../test/household-server'
import { makeMe } from '../../../../test/fixtures'
import { agreeQuestion, makePollDetail } from '../../../../test/poll-fixtures'
import { router } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import PollPaperPage from '.'
import { byId } from '../../../../test/dom'

const households = [
  { id: 31, communityId: 1, building: '1栋', unit: '1单元', room: '101' },
  { id: 32, communityId: 1, building: '1栋', unit: '1单元', room: '102' },
  { id: 33, communityId: 1, building: '2栋', unit: '1单元', room: '302' },
]

const voters: PollHouseholdVoters = {
  householdId: 31,
  address: '1栋1单元101',
  eligible: true,
  householdVote: null,
  residents: [
    { userId: 5, name: '张秀兰', vote: { channel: 'online' } },
    { userId: 6, name: '张大爷', vote: null },
  ],
}

function open(handlers: Parameters<typeof installFakeServer>[0] = {}) {
  router.params = { id: '7' }
  const log = installFakeServer({
    'GET /api/polls/7': () => ({ body: makePollDetail({ canManage: true, questions: [agreeQuestion] }) }),
    ...householdRoutes(1, households),
    'GET /api/polls/7/voters': () => ({ body: voters }),
    ...handlers,
  })
  render(<PollPaperPage />)
  return log
}

describe('录入纸质选票', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() }))

  it('picks the household, shows who already voted, and enters the ballot for the chosen resident after confirming', async () => {
    const log = open({
      'POST /api/polls/7/paper-ballots': () => ({
        status: 201,
        body: { pollId: 7, channel: 'paper', secrecy: 'secret', receiptCode: 'AAAA-BBBB-CCCC-DDDD', answers: null, turnout: { ballotsCast: 5, online: 4, paper: 1, eligible: 80, percent: 6.3 } },
      }),
    })

    fireEvent.click(await waitFor(() => byId('paper-building-1栋')))
    fireEvent.click(await waitFor(() => byId('paper-unit-1单元')))
    fireEvent.click(await waitFor(() => byId('paper-room-101')))
    await waitFor(() => byId('paper-voter-6'))
    expect(log.find((r) => r.url.startsWith('/api/polls/7/voters'))?.url).toBe('/api/polls/7/voters?householdId=31')
    expect(byId('paper-voter-5').textContent).toContain('已投票（网上投票）')
    fireEvent.click(byId('paper-voter-5'))
    expect(document.getElementById('poll-question-1')).toBeNull()

    fireEvent.click(byId('paper-voter-6'))
    fireEvent.click(byId('paper-submit'))
    expect(byId('poll-question-1-problem').textContent).toBe('请选一项')
    fireEvent.click(byId('poll-option-12'))
    fireEvent.click(byId('paper-submit'))
    expect(await screen.findByText('为张大爷录入纸质选票，录入后不能修改。选择：')).toBeTruthy()
    expect(log.some((r) => r.method === 'POST')).toBe(false)
    fireEvent.click(byId('paper-confirm'))

    await waitFor(() => expect(byId('paper-message').textContent).toContain('已录入张大爷的纸质选票。已投 5 票（其中纸质选票 1 张）'))
    expect(log.find((r) => r.method === 'POST')?.data).toEqual({ userId: 6, answers: [{ questionId: 1, optionIds: [12] }], opinion: '' } satisfies PaperBallot)
  })

  it('shows the server words when the resident has voted meanwhile', async () => {
    open({ 'POST /api/polls/7/paper-ballots': () => ({ status: 409, body: { code: 'PAPER_BALLOT_DUPLICATE', message: '这位居民（或这一户）已经投过票了（网上或纸质），不能再录入' } }) })

    fireEvent.click(await waitFor(() => byId('paper-building-1栋')))
    fireEvent.click(await waitFor(() => byId('paper-unit-1单元')))
    fireEvent.click(await waitFor(() => byId('paper-room-101')))
    fireEvent.click(await waitFor(() => byId('paper-voter-6')))
    fireEvent.click(byId('poll-option-11'))
    fireEvent.click(byId('paper-submit'))
    fireEvent.click(await waitFor(() => byId('paper-confirm')))
    await waitFor(() => expect(byId('paper-message').textContent).toContain('不能再录入'))
  })
})
