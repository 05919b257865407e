import type { PollDetail, PollListItem, PollQuestion, PollResults } from '@linli/shared'

export const agreeQuestion: PollQuestion = {
  id: 1,
  title: '您是否同意在南门增设充电棚？',
  kind: 'single',
  minChoices: 1,
  maxChoices: 1,
  options: [
    { id: 11, label: '同意', description: '' },
    { id: 12, label: '不同意', description: '' },
    { id: 13, label: '弃权', description: '' },
  ],
}

export const facilitiesQuestion: PollQuestion = {
  id: 2,
  title: '您希望充电棚提供哪些设施？',
  kind: 'multiple',
  minChoices: 1,
  maxChoices: 2,
  options: [
    { id: 21, label: '遮雨棚顶', description: '' },
    { id: 22, label: '监控摄像头', description: '看住车辆，防止偷盗' },
    { id: 23, label: '灭火器', description: '' },
    { id: 24, label: '夜间照明', description: '' },
  ],
}

export function makePollItem(overrides: Partial<PollListItem> = {}): PollListItem {
  return {
    id: 7,
    communityId: 1,
    communityName: '幸福里社区',
    title: '小区南门增设电动自行车充电棚',
    phase: 'open',
    voterMode: 'person',
    secrecy: 'secret',
    buildings: [],
    opensAt: '2026-11-20T01:00:00.000Z',
    closesAt: '2099-11-28T10:00:00.000Z',
    resultsVisibility: 'live',
    voted: false,
    ...overrides,
  }
}

export function makePollDetail(overrides: Partial<PollDetail> = {}): PollDetail {
  return {
    ...makePollItem(),
    background: '<p>近来楼道里给电动自行车充电的情况较多，存在火灾隐患。</p>',
    questions: [agreeQuestion, facilitiesQuestion],
    minBallots: 3,
    quorumPercent: 0,
    passRule: 'simple_majority',
    opinionsEnabled: false,
    eligibility: { eligible: true, reason: '您可以投票' },
    myVote: null,
    myAnswers: null,
    canManage: false,
    publication: null,
    ...overrides,
  }
}

export function makeResults(overrides: Partial<PollResults> = {}): PollResults {
  return {
    pollId: 7,
    phase: 'open',
    turnout: { ballotsCast: 4, online: 3, paper: 1, eligible: 80, percent: 5 },
    questions: [
      {
        questionId: 1,
        title: agreeQuestion.title,
        options: [
          { optionId: 11, label: '同意', votes: 3 },
          { optionId: 12, label: '不同意', votes: 1 },
          { optionId: 13, label: '弃权', votes: 0 },
        ],
        adoptedOptionId: 11,
      },
    ],
    hiddenReason: null,
    outcome: null,
    ...overrides,
  }
}
