import { pollBackgroundLimits, type BallotSecrecy, type Community, type CreatePoll, type Me, type PassRule, type PollDetail, type ResultsVisibility, type VoterMode } from '@linli/shared'
import { fromChinaParts, organiserOptions, toChinaParts } from './activityForm'
import { bodyHasContent } from './articleForm'

/**
 * The committee's consultation form: values as typed (numbers as text, blank options allowed while writing),
 * the list operations of its question editor, and the check that turns it into what the API takes, with what
 * to fix in words.
 */

const DAY_MS = 86_400_000
export const MAX_POLL_QUESTIONS = 20
export const MAX_POLL_OPTIONS = 20

export interface PollOptionDraft {
  label: string
  description: string
}

export interface PollQuestionDraft {
  /** Stable across edits and moves (React key), never sent. */
  key: string
  title: string
  kind: 'single' | 'multiple'
  minChoices: string
  maxChoices: string
  options: PollOptionDraft[]
}

export interface PollQuestionErrors {
  title?: string
  options?: string
  choices?: string
}

export interface PollFormValues {
  communityId: number | null
  title: string
  /** Rich text (HTML) from the editor, pictures included. */
  background: string
  scope: 'community' | 'buildings'
  buildings: string[]
  questions: PollQuestionDraft[]
  voterMode: VoterMode
  secrecy: BallotSecrecy
  opensDate: string
  opensTime: string
  closesDate: string
  closesTime: string
  resultsVisibility: ResultsVisibility
  minBallots: string
  quorumPercent: string
  passRule: PassRule
  opinionsEnabled: boolean
}

export type PollFormErrors = Partial<Record<Exclude<keyof PollFormValues, 'questions'>, string>> & {
  questions?: string
  questionItems?: Record<string, PollQuestionErrors>
}

/** Where I may run a consultation: my committee's community, or my street's communities. */
export function pollCommunityOptions(me: Pick<Me, 'grants'>, communities: Community[]): { communityId: number; label: string }[] {
  return organiserOptions(
    { grants: me.grants.filter((g) => g.role === 'committee_staff' || g.role === 'street_admin') },
    communities,
    [],
  ).map((o) => ({ communityId: o.communityId, label: communities.find((c) => c.id === o.communityId)?.name ?? o.label }))
}

/** A new question under a key no other has: single choice with two blank options. */
export function newPollQuestion(existing: PollQuestionDraft[]): PollQuestionDraft {
  const taken = new Set(existing.map((q) => q.key))
  let n = existing.length + 1
  while (taken.has(`q${n}`)) n++
  return { key: `q${n}`, title: '', kind: 'single', minChoices: '1', maxChoices: '1', options: [blankOption(), blankOption()] }
}

export function blankOption(): PollOptionDraft {
  return { label: '', description: '' }
}

/** Switching to 多选 offers "at most all but one"; back to 单选 is exactly one. */
export function withPollKind(question: PollQuestionDraft, kind: PollQuestionDraft['kind']): PollQuestionDraft {
  if (kind === 'single') return { ...question, kind, minChoices: '1', maxChoices: '1' }
  const max = Math.max(question.options.length - 1, 1)
  return { ...question, kind, minChoices: '1', maxChoices: String(max) }
}

/** Whether removing it would throw away something typed (then we ask first). */
export function pollQuestionHasText(question: PollQuestionDraft): boolean {
  return question.title.trim() !== '' || question.options.some((o) => o.label.trim() !== '' || o.description.trim() !== '')
}

/** Voting opens now and runs a week, to 6 pm. */
export function defaultPollValues(now: Date = new Date(), communityId: number | null = null): PollFormValues {
  const opens = toChinaParts(now.toISOString())
  const closes = toChinaParts(new Date(now.getTime() + 7 * DAY_MS).toISOString())
  return {
    communityId,
    title: '',
    background: '',
    scope: 'community',
    buildings: [],
    questions: [{ ...newPollQuestion([]), options: [{ label: '同意', description: '' }, { label: '不同意', description: '' }] }],
    voterMode: 'person',
    secrecy: 'secret',
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: '18:00',
    resultsVisibility: 'after_close',
    minBallots: '10',
    quorumPercent: '0',
    passRule: 'simple_majority',
    opinionsEnabled: false,
  }
}

export function pollValuesOf(poll: PollDetail): PollFormValues {
  const opens = toChinaParts(poll.opensAt)
  const closes = toChinaParts(poll.closesAt)
  return {
    communityId: poll.communityId,
    title: poll.title,
    background: poll.background,
    scope: poll.buildings.length ? 'buildings' : 'community',
    buildings: [...poll.buildings],
    questions: poll.questions.map((q, i) => ({
      key: `q${i + 1}`,
      title: q.title,
      kind: q.kind,
      minChoices: String(q.minChoices),
      maxChoices: String(q.maxChoices),
      options: q.options.map((o) => ({ label: o.label, description: o.description })),
    })),
    voterMode: poll.voterMode,
    secrecy: poll.secrecy,
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    resultsVisibility: poll.resultsVisibility,
    minBallots: String(poll.minBallots),
    quorumPercent: String(poll.quorumPercent),
    passRule: poll.passRule,
    opinionsEnabled: poll.opinionsEnabled,
  }
}

function wholeNumber(value: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(value.trim())) return null
  const n = Number(value)
  return n >= min && n <= max ? n : null
}

function checkQuestion(draft: PollQuestionDraft): { errors: PollQuestionErrors; question?: CreatePoll['questions'][number] } {
  const errors: PollQuestionErrors = {}
  const title = draft.title.trim()
  if (!title) errors.title = '请写上要问的问题'
  else if (title.length > 100) errors.title = '问题最多 100 个字'
  const options = draft.options
    .map((o) => ({ label: o.label.trim(), description: o.description.trim() }))
    .filter((o) => o.label || o.description)
  if (options.some((o) => !o.label)) errors.options = '有的选项只写了说明，请把选项本身也写上'
  else if (options.length < 2) errors.options = '至少要有两个选项'
  else if (options.length > MAX_POLL_OPTIONS) errors.options = `最多 ${MAX_POLL_OPTIONS} 个选项`
  else if (options.some((o) => o.label.length > 40)) errors.options = '每个选项最多 40 个字'
  else if (options.some((o) => o.description.length > 200)) errors.options = '选项说明最多 200 个字'
  else if (new Set(options.map((o) => o.label)).size !== options.length) errors.options = '有两个选项写得一样，请改一下'
  let minChoices = 1
  let maxChoices = 1
  if (draft.kind === 'multiple') {
    const min = wholeNumber(draft.minChoices, 1, MAX_POLL_OPTIONS)
    const max = wholeNumber(draft.maxChoices, 1, MAX_POLL_OPTIONS)
    if (min === null || max === null) errors.choices = '最少、最多选几项，请填 1 以上的整数'
    else if (min > max) errors.choices = '最少选的项数不能比最多选的还多'
    else if (!errors.options && max > options.length) errors.choices = `最多选的项数不能超过选项数（${options.length} 个）`
    else {
      minChoices = min
      maxChoices = max
    }
  }
  if (errors.title || errors.options || errors.choices) return { errors }
  return { errors, question: { title, kind: draft.kind, minChoices, maxChoices, options } }
}

/** Checks the form the way the server will; `now` because voting must end in the future. */
export function validatePollForm(values: PollFormValues, now: Date = new Date()): { errors: PollFormErrors; body?: CreatePoll } {
  const errors: PollFormErrors = {}
  if (values.communityId === null) errors.communityId = '请选择在哪个社区投票'
  const title = values.title.trim()
  if (!title) errors.title = '请填写投票的题目'
  else if (title.length > 60) errors.title = '题目最多 60 个字'
  if (values.background.length > pollBackgroundLimits.maxChars) errors.background = '议题说明太长了，请删减一些文字或图片'
  const buildings = [...new Set(values.buildings.map((b) => b.trim()).filter(Boolean))]
  if (values.scope === 'buildings' && !buildings.length) errors.buildings = '请至少选一栋楼'
  const minBallots = wholeNumber(values.minBallots, 1, 100_000)
  if (minBallots === null) errors.minBallots = '请填 1 到 100000 的整数'
  const quorumPercent = wholeNumber(values.quorumPercent, 0, 100)
  if (quorumPercent === null) errors.quorumPercent = '请填 0 到 100 的整数，不要求就填 0'

  const questionItems: Record<string, PollQuestionErrors> = {}
  const questions: CreatePoll['questions'] = []
  for (const draft of values.questions) {
    const checked = checkQuestion(draft)
    if (checked.question) questions.push(checked.question)
    else questionItems[draft.key] = checked.errors
  }
  if (!values.questions.length) errors.questions = '至少要有一个问题'
  else if (values.questions.length > MAX_POLL_QUESTIONS) errors.questions = `最多 ${MAX_POLL_QUESTIONS} 个问题`
  else if (Object.keys(questionItems).length) {
    errors.questions = '问题还没写好，请看每道题下面的红字'
    errors.questionItems = questionItems
  }

  const opensAt = fromChinaParts(values.opensDate, values.opensTime)
  const closesAt = fromChinaParts(values.closesDate, values.closesTime)
  if (Date.parse(closesAt) <= Date.parse(opensAt)) errors.closesDate = '结束时间要晚于开始时间'
  else if (Date.parse(closesAt) <= now.getTime()) errors.closesDate = '结束时间要晚于现在'

  if (Object.keys(errors).length || values.communityId === null) return { errors }
  return {
    errors,
    body: {
      communityId: values.communityId,
      title,
      // What the editor leaves in an area emptied again (<p><br></p>) is no background.
      background: bodyHasContent(values.background) ? values.background : '',
      buildings: values.scope === 'buildings' ? buildings : [],
      questions,
      voterMode: values.voterMode,
      secrecy: values.secrecy,
      opensAt,
      closesAt,
      resultsVisibility: values.resultsVisibility,
      minBallots: minBallots ?? 10,
      quorumPercent: quorumPercent ?? 0,
      passRule: values.passRule,
      opinionsEnabled: values.opinionsEnabled,
    },
  }
}
