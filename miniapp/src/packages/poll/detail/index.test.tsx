import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { BallotReceipt, CastBallot, PollDetail, PollResults } from '@linli/shared'
import { installFakeServer } from '../../../../test/fake-server'
import { makeMe } from '../../../../test/fixtures'
import { makePollDetail, makeResults } from '../../../../test/poll-fixtures'
import { navigations, router } from '../../../../test/taro-shim'
import { session } from '../../../stores/session'
import PollPage from '.'
import { byId, typeInto } from '../../../../test/dom'

/** A LinkCell's id is on its wrapper; the tap lands on the NutUI cell inside. */
function tapCell(id: string) {
  fireEvent.click(byId(id).querySelector('.nut-cell') ?? byId(id))
}

const hidden = makeResults({ questions: null, turnout: { ballotsCast: 2, online: 2, paper: 0, eligible: 80, percent: 2.5 }, hiddenReason: '投票数不到3票，为保护投票秘密，暂不显示各选项票数' })

function open(detail: PollDetail, handlers: Parameters<typeof installFakeServer>[0] = {}, results: PollResults = hidden) {
  router.params = { id: String(detail.id) }
  const log = installFakeServer({ 'GET /api/polls/7': () => ({ body: detail }), 'GET /api/polls/7/results': () => ({ body: results }), ...handlers })
  render(<PollPage />)
  return log
}

const receipt: BallotReceipt = { pollId: 7, channel: 'online', secrecy: 'secret', receiptCode: 'K7QM-3XTP-9BCD-WR2F', answers: null }

describe('议事投票 page', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe({ verified: true }) }))

  it('shows the background, that I may vote, the questions with their rules, and turnout with counts hidden below the minimum', async () => {
    open(makePollDetail())

    await waitFor(() => byId('poll-vote'))
    expect(byId('poll-state').textContent).toContain('投票中')
    // The background is Taro's RichText, which draws its nodes after the page: under load, later than the vote button.
    await waitFor(() => expect(byId('poll-background').textContent).toContain('存在火灾隐患'))
    expect(byId('poll-eligibility').textContent).toContain('您可以投票')
    expect(byId('poll-question-1').textContent).toContain('单选，选一项')
    expect(byId('poll-question-2').textContent).toContain('多选，最多选 2 项')
    expect(byId('poll-question-2').textContent).toContain('看住车辆，防止偷盗')
    await waitFor(() => expect(byId('poll-results-turnout').textContent).toBe('已投 2 票，参与率 2.5%（共 80 人可以投票）'))
    expect(byId('poll-results-hidden').textContent).toContain('票数达到 3 张后公布各选项票数（现在 2 张）')
    expect(document.getElementById('poll-results-option-11')).toBeNull()
  })

  it('votes in three taps: an option, 投票, 确认投票 — which says the ballot cannot be changed — then shows the receipt code', async () => {
    const log = open(makePollDetail({ questions: [makePollDetail().questions[0]] }), {
      'POST /api/polls/7/ballots': () => ({ status: 201, body: receipt }),
    })
    const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok', data: 'K7QM-3XTP-9BCD-WR2F' })

    fireEvent.click(await waitFor(() => byId('poll-option-11')))
    expect(byId('poll-option-11').getAttribute('data-chosen')).toBe('true')
    fireEvent.click(byId('poll-vote'))
    expect(await screen.findByText('投票后不能修改。您的选择：')).toBeTruthy()
    expect(log.some((r) => r.method === 'POST')).toBe(false)
    fireEvent.click(byId('poll-vote-confirm'))

    await waitFor(() => byId('poll-receipt'))
    expect(byId('poll-receipt').textContent).toContain('您的选票已经计入，不能再修改')
    expect(byId('poll-receipt-code').getAttribute('data-code')).toBe('K7QM-3XTP-9BCD-WR2F')
    expect(byId('poll-receipt-code').textContent).toBe('K7QM-3XTP-9BCD-WR2F')
    expect(log.find((r) => r.method === 'POST')?.data).toEqual({ answers: [{ questionId: 1, optionIds: [11] }], opinion: '' } satisfies CastBallot)

    fireEvent.click(byId('poll-receipt-copy'))
    await waitFor(() => expect(byId('poll-receipt-copy').textContent).toBe('✓ 已复制'))
    expect(copy).toHaveBeenCalledWith({ data: 'K7QM-3XTP-9BCD-WR2F' })
    fireEvent.click(byId('poll-receipt-check'))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/poll/receipt/index?id=7&code=K7QM-3XTP-9BCD-WR2F' })
    copy.mockRestore()
  })

  it('says 系统正在维护 when the server is down, and 重试 sends the same ballot again, with the same key, until the receipt comes', async () => {
    let tries = 0
    const log = open(makePollDetail({ questions: [makePollDetail().questions[0]] }), {
      'POST /api/polls/7/ballots': () =>
        ++tries === 1 ? { status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '系统正在维护，请稍后再试' } } : { status: 201, body: receipt },
    })

    fireEvent.click(await waitFor(() => byId('poll-option-11')))
    fireEvent.click(byId('poll-vote'))
    fireEvent.click(await waitFor(() => byId('poll-vote-confirm')))
    await waitFor(() => expect(byId('poll-vote-error').textContent).toContain('系统正在维护，请稍后再试'))
    expect(byId('poll-vote-retry').textContent).toBe('重试')

    fireEvent.click(byId('poll-vote-retry'))
    await waitFor(() => byId('poll-receipt'))
    expect(byId('poll-receipt-code').textContent).toBe('K7QM-3XTP-9BCD-WR2F')
    const posts = log.filter((r) => r.method === 'POST')
    expect(posts).toHaveLength(2)
    expect(posts[0].data).toEqual(posts[1].data)
    const keys = posts.map((r) => (r.header as Record<string, string>)['Idempotency-Key'])
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(keys[1]).toBe(keys[0])
  })

  it('offers no 重试 for a refusal that a retry cannot change', async () => {
    open(makePollDetail({ questions: [makePollDetail().questions[0]] }), {
      'POST /api/polls/7/ballots': () => ({ status: 409, body: { code: 'POLL_CLOSED', message: '投票已经结束了' } }),
    })
    fireEvent.click(await waitFor(() => byId('poll-option-11')))
    fireEvent.click(byId('poll-vote'))
    fireEvent.click(await waitFor(() => byId('poll-vote-confirm')))
    await waitFor(() => expect(byId('poll-vote-error').textContent).toContain('投票已经结束了'))
    expect(document.getElementById('poll-vote-retry')).toBeNull()
  })

  it('will not send until every question is answered within its limits, and refuses a choice over the maximum', async () => {
    const log = open(makePollDetail())

    fireEvent.click(await waitFor(() => byId('poll-vote')))
    expect(byId('poll-vote-error').textContent).toBe('还有 2 题没有选好，请看红字提示')
    expect(byId('poll-question-1-problem').textContent).toBe('请选一项')
    expect(byId('poll-question-2-problem').textContent).toBe('请至少选 1 项')

    fireEvent.click(byId('poll-option-12'))
    fireEvent.click(byId('poll-option-21'))
    fireEvent.click(byId('poll-option-22'))
    fireEvent.click(byId('poll-option-23'))
    expect(byId('poll-question-2-problem').textContent).toBe('这一题最多选 2 项，请先点掉一项再选')
    expect(byId('poll-option-23').getAttribute('data-chosen')).toBe('false')
    fireEvent.click(byId('poll-option-21'))
    fireEvent.click(byId('poll-option-23'))
    fireEvent.click(byId('poll-vote'))
    const dialog = await screen.findByText('投票后不能修改。您的选择：')
    expect(dialog.parentElement?.textContent).toContain('监控摄像头、灭火器')
    expect(log.some((r) => r.method === 'POST')).toBe(false)
  })

  it('shows my choices on the receipt of a named ballot, and the server words when voting fails', async () => {
    const named = makePollDetail({ secrecy: 'named', questions: [makePollDetail().questions[0]] })
    let attempts = 0
    open(named, {
      'POST /api/polls/7/ballots': () =>
        ++attempts === 1
          ? { status: 409, body: { code: 'BALLOT_DUPLICATE', message: '您已经投过票了（每户一票时，家里有人投过也算），选票不能更改' } }
          : { status: 201, body: { ...receipt, secrecy: 'named', answers: [{ questionId: 1, optionIds: [13] }] } },
    })

    fireEvent.click(await waitFor(() => byId('poll-option-13')))
    fireEvent.click(byId('poll-vote'))
    fireEvent.click(await waitFor(() => byId('poll-vote-confirm')))
    await waitFor(() => expect(byId('poll-vote-error').textContent).toContain('选票不能更改'))

    fireEvent.click(byId('poll-option-13'))
    fireEvent.click(byId('poll-vote'))
    fireEvent.click(await waitFor(() => byId('poll-vote-confirm')))
    await waitFor(() => byId('poll-receipt-answers'))
    expect(byId('poll-receipt-answers').textContent).toContain('弃权')
    expect(document.getElementById('poll-receipt-code')).toBeNull()
  })

  it('after voting in secret shows that I voted, not what, and where to check the receipt', async () => {
    open(makePollDetail({ voted: true, myVote: { channel: 'online', byHousehold: false }, eligibility: { eligible: false, reason: '您已经投过票了，选票不能更改' } }))

    await waitFor(() => byId('poll-my-vote'))
    expect(byId('poll-my-vote').textContent).toContain('您已经投过票了（网上投票），选票不能更改')
    expect(byId('poll-my-vote').textContent).toContain('不会记在您名下')
    expect(document.getElementById('poll-vote')).toBeNull()
    expect(byId('poll-option-11').getAttribute('role')).toBeNull()
    fireEvent.click(byId('poll-check-receipt'))
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/poll/receipt/index?id=7' })
  })

  it('shows the background as rich text, its pictures fitted to the screen', async () => {
    const picture = '/uploads/0123456789abcdef0123456789abcdef/body.jpg'
    open(makePollDetail({ background: `<h2>现状</h2><p>南门空地<strong>常年闲置</strong>。</p><p><img src="${picture}" alt="南门空地" /></p>` }))
    const image = await waitFor(() => {
      const img = document.querySelector('#poll-background img')
      if (!img) throw new Error('no picture yet')
      return img
    })
    expect(image.getAttribute('src')).toBe(picture)
    expect(image.getAttribute('style')).toContain('max-width:100%')
    expect(byId('poll-background').querySelector('strong')?.textContent).toBe('常年闲置')
  })

  it('shows no background card when there is none', async () => {
    open(makePollDetail({ background: '' }))
    await waitFor(() => byId('poll-questions'))
    expect(document.getElementById('poll-background')).toBeNull()
  })

  it('says why I cannot vote, in the server words', async () => {
    open(makePollDetail({ eligibility: { eligible: false, reason: '这次投票只面向1栋的认证居民' } }))
    await waitFor(() => expect(byId('poll-eligibility').textContent).toBe('这次投票只面向1栋的认证居民'))
    expect(document.getElementById('poll-vote')).toBeNull()
  })

  it('shows counts as bars with votes and percentages, marking the adopted option, once visible', async () => {
    open(makePollDetail({ eligibility: { eligible: false, reason: '您已经投过票了，选票不能更改' } }), {}, makeResults())

    await waitFor(() => byId('poll-results-option-11'))
    expect(byId('poll-results-option-11').textContent).toBe('✓ 同意（通过）3 票 · 75%')
    expect(byId('poll-results-option-12').textContent).toBe('不同意1 票 · 25%')
    expect((byId('poll-results-option-11').querySelector('.poll-bar-fill') as HTMLElement).style.width).toBe('75%')
    expect(byId('poll-results-turnout').textContent).toContain('其中纸质选票 1 张')
    expect(document.getElementById('poll-results-hidden')).toBeNull()
  })

  it('shows the published 公示: statement, results and the verdict', async () => {
    const results = makeResults({ phase: 'published', outcome: { quorumPercent: 50, quorumMet: false, passRule: 'two_thirds', passed: false } })
    const log = open(
      makePollDetail({
        phase: 'published',
        eligibility: { eligible: false, reason: '投票已经结束了' },
        publication: { statement: '经居民投票，暂不增设充电棚。', publishedAt: '2026-11-20T02:00:00.000Z', results },
      }),
    )

    await waitFor(() => byId('poll-publication'))
    expect(byId('poll-state').textContent).toContain('已公示')
    expect(byId('poll-statement-text').textContent).toBe('经居民投票，暂不增设充电棚。')
    expect(byId('poll-published-results-option-11').textContent).toContain('3 票')
    expect(byId('poll-published-results-outcome').textContent).toBe('参与率要求至少 50%：没有达到结果：没有通过（参与的人数不够）')
    expect(log.some((r) => r.url.endsWith('/results'))).toBe(false)
  })
})

describe('议事投票 page for the committee', () => {
  beforeEach(() => session.start({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z', me: makeMe() }))

  it('publishes a draft only after confirming', async () => {
    const draft = makePollDetail({ phase: 'draft', canManage: true, eligibility: { eligible: false, reason: '投票还没有发布' } })
    const log = open(draft, { 'POST /api/polls/7/open': () => ({ body: { ...draft, phase: 'open' } }) })

    await waitFor(() => byId('poll-open'))
    tapCell('poll-open')
    expect(await screen.findByText(/发布后题目和规则就不能再改了/)).toBeTruthy()
    expect(log.some((r) => r.method === 'POST')).toBe(false)
    fireEvent.click(byId('poll-open-confirm'))
    await waitFor(() => expect(byId('poll-staff-message').textContent).toContain('已发布'))
    expect(byId('poll-state').textContent).toContain('投票中')
    tapCell('poll-paper')
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/poll/paper/index?id=7' })
  })

  it('shows turnout while open and closes early only after a danger confirmation', async () => {
    const running = makePollDetail({ canManage: true, resultsVisibility: 'after_close', eligibility: { eligible: false, reason: '只有本社区的认证居民可以投票' } })
    const log = open(running, { 'POST /api/polls/7/close': () => ({ body: { ...running, phase: 'closed' } }) }, makeResults({ questions: null, hiddenReason: '投票结束后公布各选项票数' }))

    await waitFor(() => expect(byId('poll-staff-turnout').textContent).toContain('已投 4 票'))
    tapCell('poll-close')
    expect(await screen.findByText('结束后居民就不能再投票了，不能恢复。')).toBeTruthy()
    fireEvent.click(byId('poll-close-confirm'))
    await waitFor(() => expect(log.some((r) => r.method === 'POST' && r.url === '/api/polls/7/close')).toBe(true))
    await waitFor(() => byId('poll-publish'))
  })

  it('offers 居民意见 once voting has ended, only when the opinion box was open', async () => {
    const closed = makePollDetail({ phase: 'closed', canManage: true, opinionsEnabled: true, eligibility: { eligible: false, reason: '投票已经结束了' } })
    open(closed)
    await waitFor(() => byId('poll-opinions'))
    tapCell('poll-opinions')
    expect(navigations).toContainEqual({ method: 'navigateTo', url: '/packages/poll/opinions/index?id=7' })
  })

  it('offers no 居民意见 while voting runs', async () => {
    open(makePollDetail({ canManage: true, opinionsEnabled: true }))
    await waitFor(() => byId('poll-close'))
    expect(document.getElementById('poll-opinions')).toBeNull()
  })

  it('offers no 居民意见 for a closed poll that had no opinion box', async () => {
    open(makePollDetail({ phase: 'closed', canManage: true, opinionsEnabled: false, eligibility: { eligible: false, reason: '投票已经结束了' } }))
    await waitFor(() => byId('poll-export'))
    expect(document.getElementById('poll-opinions')).toBeNull()
  })

  it('publishes the 公示 only with a statement, after confirming', async () => {
    const closed = makePollDetail({ phase: 'closed', canManage: true, eligibility: { eligible: false, reason: '投票已经结束了' } })
    const published = makePollDetail({ ...closed, phase: 'published', publication: { statement: '同意增设充电棚。', publishedAt: '2026-11-21T02:00:00.000Z', results: makeResults({ phase: 'published' }) } })
    const log = open(closed, { 'POST /api/polls/7/publication': () => ({ status: 201, body: published }) })

    await waitFor(() => byId('poll-publish'))
    tapCell('poll-publish')
    fireEvent.click(await waitFor(() => byId('poll-publish-confirm')))
    expect(await screen.findByText('请写上公示说明，比如投票结果和居委会下一步怎么做')).toBeTruthy()
    expect(log.some((r) => r.method === 'POST')).toBe(false)

    await typeInto('poll-statement', '同意增设充电棚。')
    fireEvent.click(byId('poll-publish-confirm'))
    await waitFor(() => byId('poll-publication'))
    expect(log.find((r) => r.method === 'POST')?.data).toEqual({ statement: '同意增设充电棚。' })
    expect(byId('poll-export')).toBeTruthy()
  })
})
