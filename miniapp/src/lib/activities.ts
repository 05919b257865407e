import {
  formatDateTime,
  formatLead,
  seatStateLabels,
  signupStatusLabels,
  type ActivityDetail,
  type ActivitySummary,
  type Companion,
  type SeatState,
  type Signup,
  type SignupAnswers,
  type SignupQuestion,
  type SignupRole,
  type SignupStatus,
} from '@linli/shared'

export type ChipTone = 'approved' | 'pending' | 'rejected' | 'neutral'

const seatTones: Record<SeatState, ChipTone> = {
  open: 'approved',
  waitlist: 'pending',
  full: 'rejected',
  not_open: 'neutral',
  closed: 'neutral',
  ended: 'neutral',
  cancelled: 'rejected',
}

const signupTones: Record<SignupStatus, ChipTone> = {
  confirmed: 'approved',
  attended: 'approved',
  waitlisted: 'pending',
  offered: 'pending',
  cancelled: 'neutral',
  offer_expired: 'neutral',
  no_show: 'rejected',
  activity_cancelled: 'rejected',
}

/** The word and colour of an activity's chip; drafts are only ever seen by staff. */
export function activityChip(activity: Pick<ActivitySummary, 'status' | 'seatState'>): { label: string; tone: ChipTone } {
  if (activity.status === 'draft') return { label: '草稿', tone: 'neutral' }
  return { label: seatStateLabels[activity.seatState], tone: seatTones[activity.seatState] }
}

export function signupChip(status: SignupStatus): { label: string; tone: ChipTone } {
  return { label: signupStatusLabels[status], tone: signupTones[status] }
}

export function seatsLeft(activity: Pick<ActivitySummary, 'seats' | 'seatsTaken'>): number {
  return Math.max(activity.seats - activity.seatsTaken, 0)
}

/** 还剩 3 个名额 / 名额已满，可以候补 / 共 20 个名额 (once sign-up is over). */
export function seatsLine(activity: Pick<ActivitySummary, 'seats' | 'seatsTaken' | 'seatState' | 'waitlistCount' | 'volunteerSlots'>): string {
  if (activity.seats === 0) return activity.volunteerSlots > 0 ? '只招志愿者' : '不用报名，直接来'
  if (['ended', 'cancelled', 'closed'].includes(activity.seatState)) return `共 ${activity.seats} 个名额，${activity.seatsTaken} 人报名`
  const left = seatsLeft(activity)
  if (left > 0) return `还剩 ${left} 个名额（共 ${activity.seats} 个）`
  if (activity.seatState === 'waitlist') return activity.waitlistCount > 0 ? `名额已满，已有 ${activity.waitlistCount} 人候补` : '名额已满，可以候补'
  return '名额已满'
}

/** Statuses that still hold (or wait for) a place. */
const ACTIVE: SignupStatus[] = ['confirmed', 'waitlisted', 'offered', 'attended']

export function mySignupFor(activity: Pick<ActivityDetail, 'mySignups'>, role: SignupRole): Signup | undefined {
  return activity.mySignups.find((s) => s.role === role && ACTIVE.includes(s.status))
}

/** What the one wide button at the bottom of an activity does for me now. */
export type MainAction =
  | { kind: 'signup'; label: '报名' }
  | { kind: 'waitlist'; label: '候补' }
  | { kind: 'cancel'; label: '取消报名' | '取消候补'; signup: Signup }
  | { kind: 'accept'; label: '接受空位'; signup: Signup }
  | { kind: 'none'; label: string; note?: string }

export function mainActionOf(activity: ActivityDetail, now: Date = new Date()): MainAction {
  const mine = mySignupFor(activity, 'participant')
  if (mine) {
    if (mine.status === 'offered') return { kind: 'accept', label: '接受空位', signup: mine }
    if (mine.status === 'attended') return { kind: 'none', label: '已签到' }
    if (activity.seatState === 'ended' || activity.seatState === 'cancelled') return { kind: 'none', label: seatStateLabels[activity.seatState] }
    if (mine.status === 'waitlisted') return { kind: 'cancel', label: '取消候补', signup: mine }
    if (Date.parse(activity.cancelDeadline) > now.getTime()) return { kind: 'cancel', label: '取消报名', signup: mine }
    return { kind: 'none', label: '已报名', note: '已过取消截止时间，有事请联系活动组织方' }
  }
  switch (activity.seatState) {
    case 'open':
      return activity.eligibility.eligible ? { kind: 'signup', label: '报名' } : { kind: 'none', label: '暂时不能报名', note: activity.eligibility.reason ?? undefined }
    case 'waitlist':
      return activity.eligibility.eligible ? { kind: 'waitlist', label: '候补' } : { kind: 'none', label: '暂时不能报名', note: activity.eligibility.reason ?? undefined }
    case 'full':
      return { kind: 'none', label: '已满', note: '名额已满，这个活动不设候补' }
    default:
      return { kind: 'none', label: seatStateLabels[activity.seatState] }
  }
}

/** Whether the 报名当志愿者 button shows, and what it does. */
export function volunteerActionOf(activity: ActivityDetail): { kind: 'join' | 'cancel' | 'full'; signup?: Signup } | null {
  if (activity.volunteerSlots <= 0) return null
  const mine = mySignupFor(activity, 'volunteer')
  if (mine) return mine.status === 'attended' ? null : { kind: 'cancel', signup: mine }
  if (!['open', 'full', 'waitlist'].includes(activity.seatState)) return null
  if (activity.volunteersTaken >= activity.volunteerSlots) return { kind: 'full' }
  return { kind: 'join' }
}

/** The result screen after signing up: what happened and what comes next. */
export function signupResultText(signup: Signup, startsAt: string): string {
  if (signup.status === 'waitlisted') return `您在候补第 ${signup.waitlistPosition ?? 1} 位，有人取消时会通知您`
  const done = signup.role === 'volunteer' ? '已报名当志愿者，谢谢您！' : '已报名，'
  return `${done}${reminderText(signup.reminderAt, startsAt)}`
}

/** What the server said it will do about a reminder (its reminderAt), not a guess. */
export function reminderText(reminderAt: string | null | undefined, startsAt: string): string {
  if (reminderAt === undefined) return '请按时参加'
  if (reminderAt === null) return '活动马上开始，不再另行提醒，请按时参加'
  const lead = Date.parse(startsAt) - Date.parse(reminderAt)
  return `活动开始前${formatLead(lead)}（${formatDateTime(reminderAt)}）会提醒您`
}

/** questionId → what is wrong, for questions the resident must fix before sending. */
export function validateAnswers(questions: SignupQuestion[], answers: SignupAnswers): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const q of questions) {
    const answer = answers[q.id]
    if (q.kind === 'text') {
      const value = typeof answer === 'string' ? answer.trim() : ''
      if (q.required && !value) errors[q.id] = '请填写这一项'
      else if (value.length > 500) errors[q.id] = '最多写 500 个字'
    } else if (q.kind === 'single') {
      const value = typeof answer === 'string' ? answer : ''
      if (q.required && !value) errors[q.id] = '请选一项'
      else if (value && !q.options.includes(value)) errors[q.id] = '请从选项里选'
    } else {
      const values = Array.isArray(answer) ? answer : []
      if (q.required && values.length === 0) errors[q.id] = '请至少选一项'
      else if (values.some((v) => !q.options.includes(v))) errors[q.id] = '请从选项里选'
    }
  }
  return errors
}

/** Only the answers to these questions, text trimmed, empty ones left out. */
export function cleanAnswers(questions: SignupQuestion[], answers: SignupAnswers): SignupAnswers {
  const clean: SignupAnswers = {}
  for (const q of questions) {
    const answer = answers[q.id]
    if (typeof answer === 'string' && answer.trim()) clean[q.id] = answer.trim()
    else if (Array.isArray(answer) && answer.length) clean[q.id] = answer
  }
  return clean
}

export interface CompanionErrors {
  name?: string
  relation?: string
}

/** One entry per companion row (empty when the row is fine). */
export function validateCompanions(companions: Companion[], allowed: number): { rows: CompanionErrors[]; overall?: string } {
  const rows = companions.map((c) => {
    const errors: CompanionErrors = {}
    const name = c.name.trim()
    const relation = c.relation.trim()
    if (!name) errors.name = '请填写家人的姓名'
    else if (name.length > 20) errors.name = '姓名最多 20 个字'
    if (!relation) errors.relation = '请填写是您的什么人，比如：老伴'
    else if (relation.length > 10) errors.relation = '最多 10 个字'
    return errors
  })
  const overall = companions.length > allowed ? `这个活动最多带 ${allowed} 位家人` : undefined
  return { rows, overall }
}

export function hasErrors(result: { rows: CompanionErrors[]; overall?: string }, answerErrors: Record<string, string>): boolean {
  return Boolean(result.overall) || result.rows.some((r) => r.name || r.relation) || Object.keys(answerErrors).length > 0
}

/** What a staff member's check-in QR holds: the activity and its token, readable by our own scanner. */
const CHECKIN_PREFIX = 'linli-checkin:'

export function checkinQrContent(activityId: number, token: string): string {
  return `${CHECKIN_PREFIX}${activityId}:${token}`
}

/**
 * A mini-program code's `scene` (`<activityId>.<token>`, as the server makes it), already URL-decoded; also found in
 * the `path` WeChat's scanner answers for our own codes (`packages/activity/checkin/index?scene=21.abc`).
 */
export function parseCheckinScene(raw: string): { activityId: number; token: string } | null {
  const scene = /[?&]scene=([^&]+)/.exec(raw)?.[1] ?? raw
  const match = /^(\d+)\.([A-Za-z0-9_-]+)$/.exec(decodeURIComponent(scene).trim())
  return match ? { activityId: Number(match[1]), token: match[2] } : null
}

/** A scanned or typed check-in code: a mini-program code's scene, our QR content, or the bare token typed from under the QR. */
export function parseCheckinCode(raw: string): { activityId?: number; token: string } | null {
  const text = raw.trim()
  if (!text) return null
  const scene = parseCheckinScene(text)
  if (scene) return scene
  if (text.startsWith(CHECKIN_PREFIX)) {
    const [id, token] = text.slice(CHECKIN_PREFIX.length).split(':')
    const activityId = Number(id)
    if (!Number.isInteger(activityId) || activityId <= 0 || !token) return null
    return { activityId, token }
  }
  return { token: text }
}
