import {
  passRuleLabels,
  pollPhaseLabels,
  type BallotAnswer,
  type PollPhase,
  type PollQuestion,
  type PollResults,
  type PollSummary,
  type Turnout,
} from '@linli/shared'
import type { ChipTone } from './activities'
import { formatDateTime } from './format'

/**
 * Consultation votes in words: phase chips, the time line, the choice rules of a question, the ballot checks
 * the server will make (so a resident learns what to fix before sending) and the numbers of the results.
 */

const phaseTones: Record<PollPhase, ChipTone> = {
  draft: 'neutral',
  upcoming: 'pending',
  open: 'approved',
  closed: 'neutral',
  published: 'approved',
}

export function pollChip(phase: PollPhase): { label: string; tone: ChipTone } {
  return { label: pollPhaseLabels[phase], tone: phaseTones[phase] }
}

/** 明天 下午6:00 截止 while open; when it starts, or when it ended, otherwise. */
export function pollTimeLine(poll: Pick<PollSummary, 'phase' | 'opensAt' | 'closesAt'>, now: Date = new Date()): string {
  switch (poll.phase) {
    case 'open':
      return `${formatDateTime(poll.closesAt, now)} 截止`
    case 'draft':
    case 'upcoming':
      return `${formatDateTime(poll.opensAt, now)} 开始，${formatDateTime(poll.closesAt, now)} 截止`
    default:
      return `${formatDateTime(poll.closesAt, now)} 结束`
  }
}

/** Who votes: the whole community or some buildings, one vote each or per household. */
export function electorateLine(poll: Pick<PollSummary, 'buildings' | 'voterMode' | 'communityName'>): string {
  const who = poll.buildings.length ? `${poll.buildings.join('、')}的认证居民` : `${poll.communityName}的认证居民`
  return poll.voterMode === 'household' ? `${who}，每户一票` : `${who}，每人一票`
}

/** 单选，选一项 / 多选，最多选 2 项 / 多选，选 2 到 3 项 / 多选，选 2 项 */
export function choiceRule(question: Pick<PollQuestion, 'kind' | 'minChoices' | 'maxChoices'>): string {
  if (question.kind === 'single') return '单选，选一项'
  const { minChoices: min, maxChoices: max } = question
  if (min === max) return `多选，选 ${max} 项`
  if (min <= 1) return `多选，最多选 ${max} 项`
  return `多选，选 ${min} 到 ${max} 项`
}

/** Chosen option ids per question id. */
export type Selections = Record<number, number[]>

/**
 * A tap on an option: single choice replaces, multiple choice adds or takes away. A tap that would go over the
 * maximum is refused (`refused` says why), so a resident never has a choice silently dropped.
 */
export function toggleOption(question: PollQuestion, chosen: number[], optionId: number): { chosen: number[]; refused?: string } {
  if (question.kind === 'single') return { chosen: [optionId] }
  if (chosen.includes(optionId)) return { chosen: chosen.filter((id) => id !== optionId) }
  if (chosen.length >= question.maxChoices) return { chosen, refused: `这一题最多选 ${question.maxChoices} 项，请先点掉一项再选` }
  return { chosen: [...chosen, optionId] }
}

/** What is still wrong with one question's choices, or null. */
export function selectionProblem(question: PollQuestion, chosen: number[] = []): string | null {
  if (chosen.length === 0) return question.kind === 'single' ? '请选一项' : `请至少选 ${question.minChoices} 项`
  if (chosen.length < question.minChoices) return `请至少选 ${question.minChoices} 项，现在选了 ${chosen.length} 项`
  if (chosen.length > question.maxChoices) return `最多选 ${question.maxChoices} 项，现在选了 ${chosen.length} 项`
  return null
}

/** Every question checked: the problems by question id, or the answers ready to send. */
export function checkBallot(questions: PollQuestion[], selections: Selections): { problems: Record<number, string>; answers?: BallotAnswer[] } {
  const problems: Record<number, string> = {}
  for (const question of questions) {
    const problem = selectionProblem(question, selections[question.id])
    if (problem) problems[question.id] = problem
  }
  if (Object.keys(problems).length) return { problems }
  return { problems, answers: questions.map((q) => ({ questionId: q.id, optionIds: [...(selections[q.id] ?? [])] })) }
}

/** The chosen options' labels per question, in the poll's order, for the confirmation and a named receipt. */
export function chosenLabels(questions: PollQuestion[], answers: BallotAnswer[]): { question: string; options: string[] }[] {
  return questions.map((q) => {
    const ids = answers.find((a) => a.questionId === q.id)?.optionIds ?? []
    return { question: q.title, options: q.options.filter((o) => ids.includes(o.id)).map((o) => o.label) }
  })
}

/** Percent with at most one decimal: 40, 33.3. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10
}

/** 已投 12 票，参与率 8.3%（共 144 人可以投票） */
export function turnoutLine(turnout: Turnout, voterMode: PollSummary['voterMode']): string {
  const unit = voterMode === 'household' ? '户' : '人'
  const paper = turnout.paper ? `（其中纸质选票 ${turnout.paper} 张）` : ''
  return `已投 ${turnout.ballotsCast} 票${paper}，参与率 ${turnout.percent}%（共 ${turnout.eligible} ${unit}可以投票）`
}

/**
 * Why per-option counts are not shown: below the minimum, when they will be (in the poll's own number);
 * otherwise the server's words.
 */
export function hiddenCountsText(results: PollResults, poll: Pick<PollSummary, 'resultsVisibility'> & { minBallots: number }): string | null {
  if (results.questions) return null
  const countsDue = poll.resultsVisibility === 'live' || results.phase === 'closed' || results.phase === 'published'
  if (results.turnout && countsDue && results.turnout.ballotsCast < poll.minBallots) {
    return `票数达到 ${poll.minBallots} 张后公布各选项票数（现在 ${results.turnout.ballotsCast} 张），这样谁也推算不出别人投了什么。`
  }
  return results.hiddenReason ?? '投票结束后公布结果'
}

/** The verdict after closing, in two plain lines. */
export function outcomeLines(outcome: NonNullable<PollResults['outcome']>): { quorum: string; verdict: string } {
  const quorum =
    outcome.quorumPercent === 0
      ? '这次投票不要求最低参与率'
      : `参与率要求至少 ${outcome.quorumPercent}%：${outcome.quorumMet ? '已达到' : '没有达到'}`
  const rule = passRuleLabels[outcome.passRule]
  const verdict = outcome.passed
    ? `结果：通过（每个问题都有选项得票${rule}）`
    : outcome.quorumMet
      ? `结果：没有通过（有的问题没有选项得票${rule}）`
      : '结果：没有通过（参与的人数不够）'
  return { quorum, verdict }
}

/** Whether I run consultations somewhere: committee staff of a community, or a street's admin. */
export function managesPolls(me: { grants: { role: string }[] }): boolean {
  return me.grants.some((g) => g.role === 'committee_staff' || g.role === 'street_admin')
}
