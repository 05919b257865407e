import { agreeQuestion, facilitiesQuestion, makePollItem, makeResults } from '../../test/poll-fixtures'
import { checkBallot, choiceRule, chosenLabels, electorateLine, hiddenCountsText, managesPolls, outcomeLines, pollChip, pollTimeLine, selectionProblem, toggleOption, turnoutLine } from './polls'

const now = new Date('2026-11-21T02:00:00Z')

describe('choice rules', () => {
  it('says how to choose in words', () => {
    expect(choiceRule(agreeQuestion)).toBe('单选，选一项')
    expect(choiceRule(facilitiesQuestion)).toBe('多选，最多选 2 项')
    expect(choiceRule({ kind: 'multiple', minChoices: 2, maxChoices: 3 })).toBe('多选，选 2 到 3 项')
    expect(choiceRule({ kind: 'multiple', minChoices: 2, maxChoices: 2 })).toBe('多选，选 2 项')
  })

  it('replaces the choice of a single-choice question', () => {
    expect(toggleOption(agreeQuestion, [11], 12)).toEqual({ chosen: [12] })
  })

  it('adds and takes away in a multiple-choice question, and refuses a choice over the maximum with a reason', () => {
    expect(toggleOption(facilitiesQuestion, [21], 22)).toEqual({ chosen: [21, 22] })
    expect(toggleOption(facilitiesQuestion, [21, 22], 21)).toEqual({ chosen: [22] })
    const over = toggleOption(facilitiesQuestion, [21, 22], 23)
    expect(over.chosen).toEqual([21, 22])
    expect(over.refused).toBe('这一题最多选 2 项，请先点掉一项再选')
  })

  it('says what is missing or too much', () => {
    expect(selectionProblem(agreeQuestion, [])).toBe('请选一项')
    expect(selectionProblem({ ...facilitiesQuestion, minChoices: 2 }, [21])).toBe('请至少选 2 项，现在选了 1 项')
    expect(selectionProblem(facilitiesQuestion, [21, 22, 23])).toBe('最多选 2 项，现在选了 3 项')
    expect(selectionProblem(facilitiesQuestion, [21])).toBeNull()
  })

  it('checks every question before the ballot can go, and builds the answers in the poll order', () => {
    const missing = checkBallot([agreeQuestion, facilitiesQuestion], { 1: [11] })
    expect(missing.answers).toBeUndefined()
    expect(missing.problems).toEqual({ 2: '请至少选 1 项' })

    const ready = checkBallot([agreeQuestion, facilitiesQuestion], { 2: [24, 21], 1: [12] })
    expect(ready.answers).toEqual([
      { questionId: 1, optionIds: [12] },
      { questionId: 2, optionIds: [24, 21] },
    ])
    expect(chosenLabels([agreeQuestion, facilitiesQuestion], ready.answers!)).toEqual([
      { question: agreeQuestion.title, options: ['不同意'] },
      { question: facilitiesQuestion.title, options: ['遮雨棚顶', '夜间照明'] },
    ])
  })
})

describe('poll wording', () => {
  it('gives the phase as a word', () => {
    expect(pollChip('open')).toEqual({ label: '投票中', tone: 'approved' })
    expect(pollChip('closed').label).toBe('已结束')
    expect(pollChip('published').label).toBe('已公示')
  })

  it('says until when an open poll runs, and who votes', () => {
    expect(pollTimeLine(makePollItem({ closesAt: '2026-11-22T10:00:00.000Z' }), now)).toBe('明天 晚上6:00 截止')
    expect(pollTimeLine(makePollItem({ phase: 'closed', closesAt: '2026-11-20T10:00:00.000Z' }), now)).toBe('昨天 晚上6:00 结束')
    expect(electorateLine(makePollItem())).toBe('幸福里社区的认证居民，每人一票')
    expect(electorateLine(makePollItem({ buildings: ['1栋', '2栋'], voterMode: 'household' }))).toBe('1栋、2栋的认证居民，每户一票')
  })

  it('gives turnout with paper ballots and the base', () => {
    expect(turnoutLine({ ballotsCast: 12, online: 10, paper: 2, eligible: 144, percent: 8.3 }, 'household')).toBe(
      '已投 12 票（其中纸质选票 2 张），参与率 8.3%（共 144 户可以投票）',
    )
  })

  it('says when counts will appear below the minimum, and otherwise gives the server reason', () => {
    const poll = { resultsVisibility: 'live' as const, minBallots: 10 }
    expect(hiddenCountsText(makeResults(), poll)).toBeNull()
    const below = makeResults({ questions: null, hiddenReason: '投票数不到10票，为保护投票秘密，暂不显示各选项票数' })
    expect(hiddenCountsText(below, poll)).toContain('票数达到 10 张后公布各选项票数（现在 4 张）')
    const afterClose = makeResults({ turnout: null, questions: null, hiddenReason: '投票结束后公布结果' })
    expect(hiddenCountsText(afterClose, { resultsVisibility: 'after_close', minBallots: 10 })).toBe('投票结束后公布结果')
  })

  it('states the verdict with its reason', () => {
    expect(outcomeLines({ quorumPercent: 50, quorumMet: false, passRule: 'two_thirds', passed: false })).toEqual({
      quorum: '参与率要求至少 50%：没有达到',
      verdict: '结果：没有通过（参与的人数不够）',
    })
    expect(outcomeLines({ quorumPercent: 0, quorumMet: true, passRule: 'simple_majority', passed: true }).verdict).toBe('结果：通过（每个问题都有选项得票超过投票数的一半）')
  })

  it('knows who runs consultations', () => {
    expect(managesPolls({ grants: [{ role: 'committee_staff' }] })).toBe(true)
    expect(managesPolls({ grants: [{ role: 'street_admin' }] })).toBe(true)
    expect(managesPolls({ grants: [{ role: 'social_worker' }, { role: 'volunteer' }] })).toBe(false)
  })
})
