import { formatLead, type ActivityCategory, type ActivityDetail, type Audience, type Community, type CreateActivity, type Me, type Organisation } from '@linli/shared'
import { draftsOf, validateQuestions, type QuestionDraft, type QuestionErrors } from './signupQuestions'

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 86_400_000

/** A moment as China date and clock for the pickers: { date: '2026-11-25', time: '14:00' }. */
export function toChinaParts(iso: string): { date: string; time: string } {
  const shifted = new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString()
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) }
}

/** China date and clock back to an ISO moment with the +08:00 offset. */
export function fromChinaParts(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString()
}

export interface OrganiserOption {
  key: string
  communityId: number
  organisationId: number | null
  label: string
}

/** Where I may organise: my committee's community, my organisation's served communities, my street's communities. */
export function organiserOptions(me: Pick<Me, 'grants'>, communities: Community[], organisations: Organisation[]): OrganiserOption[] {
  const options: OrganiserOption[] = []
  const add = (option: OrganiserOption) => {
    if (!options.some((o) => o.key === option.key)) options.push(option)
  }
  const communityName = (id: number) => communities.find((c) => c.id === id)?.name ?? `社区 ${id}`
  for (const grant of me.grants) {
    const scopeId = grant.scope.id
    if (scopeId === null) continue
    if (grant.scope.kind === 'community') {
      add({ key: `c${scopeId}`, communityId: scopeId, organisationId: null, label: `${communityName(scopeId)}（居委会）` })
    } else if (grant.scope.kind === 'organisation') {
      const organisation = organisations.find((o) => o.id === scopeId)
      for (const communityId of organisation?.communityIds ?? []) {
        add({ key: `o${scopeId}c${communityId}`, communityId, organisationId: scopeId, label: `${organisation?.name ?? ''} · ${communityName(communityId)}` })
      }
    } else if (grant.scope.kind === 'street') {
      for (const community of communities.filter((c) => c.street.id === scopeId)) {
        add({ key: `c${community.id}`, communityId: community.id, organisationId: null, label: `${community.name}（居委会）` })
      }
    }
  }
  return options
}

export interface ActivityFormValues {
  organiserKey: string
  title: string
  category: ActivityCategory
  /** The uploaded cover's address (its `cover` size), or null for none. */
  coverUrl: string | null
  place: string
  description: string
  startDate: string
  startTime: string
  endTime: string
  opensDate: string
  opensTime: string
  closesDate: string
  closesTime: string
  cancelDate: string
  cancelTime: string
  seats: string
  volunteerSlots: string
  audience: Audience['kind']
  buildings: string[]
  /** Age limits as typed; blank means no limit. */
  minAge: string
  maxAge: string
  questions: QuestionDraft[]
  companionsAllowed: string
  waitlistEnabled: boolean
  /** Minutes before the start the reminder goes out; '' for the server's default (REMINDER_HOURS). */
  reminderMinutes: string
  repeatWeekly: string
}

/** A new activity next week 2–4 pm; sign-up opens now and closes, like cancelling, the day before. */
export function defaultFormValues(now: Date = new Date(), organiserKey = ''): ActivityFormValues {
  const start = toChinaParts(new Date(now.getTime() + 7 * DAY_MS).toISOString())
  const dayBefore = toChinaParts(new Date(Date.parse(fromChinaParts(start.date, '12:00')) - DAY_MS).toISOString())
  const opens = toChinaParts(now.toISOString())
  return {
    organiserKey,
    title: '',
    category: 'culture_sports',
    coverUrl: null,
    place: '',
    description: '',
    startDate: start.date,
    startTime: '14:00',
    endTime: '16:00',
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: dayBefore.date,
    closesTime: '18:00',
    cancelDate: dayBefore.date,
    cancelTime: '18:00',
    seats: '20',
    volunteerSlots: '0',
    audience: 'community_residents',
    buildings: [],
    minAge: '',
    maxAge: '',
    questions: [],
    companionsAllowed: '1',
    waitlistEnabled: true,
    reminderMinutes: '',
    repeatWeekly: '1',
  }
}

export function formValuesOf(activity: ActivityDetail, organiserKey: string): ActivityFormValues {
  const start = toChinaParts(activity.startsAt)
  const opens = toChinaParts(activity.signupOpensAt)
  const closes = toChinaParts(activity.signupClosesAt)
  const cancel = toChinaParts(activity.cancelDeadline)
  return {
    organiserKey,
    title: activity.title,
    category: activity.category,
    coverUrl: activity.coverUrl,
    place: activity.place,
    description: activity.description,
    startDate: start.date,
    startTime: start.time,
    endTime: toChinaParts(activity.endsAt).time,
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    cancelDate: cancel.date,
    cancelTime: cancel.time,
    seats: String(activity.seats),
    volunteerSlots: String(activity.volunteerSlots),
    audience: activity.audience.kind,
    buildings: [...activity.audience.buildings],
    minAge: activity.audience.minAge === null ? '' : String(activity.audience.minAge),
    maxAge: activity.audience.maxAge === null ? '' : String(activity.audience.maxAge),
    questions: draftsOf(activity.questions),
    companionsAllowed: String(activity.companionsAllowed),
    waitlistEnabled: activity.waitlistEnabled,
    reminderMinutes: String(activity.reminderMinutes),
    repeatWeekly: '1',
  }
}

export type FormErrors = Partial<Record<keyof ActivityFormValues, string>> & {
  /** Per question id, what to fix in it. */
  questionItems?: Record<string, QuestionErrors>
}

function wholeNumber(value: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(value.trim())) return null
  const n = Number(value)
  return n >= min && n <= max ? n : null
}

/** Checks the form the way the server will, and says in words what to fix. */
export function validateActivityForm(values: ActivityFormValues, options: OrganiserOption[]): { errors: FormErrors; body?: CreateActivity } {
  const errors: FormErrors = {}
  const organiser = options.find((o) => o.key === values.organiserKey)
  if (!organiser) errors.organiserKey = '请选择由谁组织'
  const title = values.title.trim()
  if (!title) errors.title = '请填写活动名称'
  else if (title.length > 40) errors.title = '活动名称最多 40 个字'
  const place = values.place.trim()
  if (!place) errors.place = '请填写活动地点'
  else if (place.length > 100) errors.place = '地点最多 100 个字'
  const seats = wholeNumber(values.seats, 0, 10_000)
  if (seats === null) errors.seats = '名额请填 0 到 10000 的整数'
  const volunteerSlots = wholeNumber(values.volunteerSlots, 0, 1000)
  if (volunteerSlots === null) errors.volunteerSlots = '志愿者人数请填 0 到 1000 的整数'
  const companionsAllowed = wholeNumber(values.companionsAllowed, 0, 5)
  if (companionsAllowed === null) errors.companionsAllowed = '可带家人请填 0 到 5'
  const repeatWeekly = wholeNumber(values.repeatWeekly, 1, 52)
  if (repeatWeekly === null) errors.repeatWeekly = '重复次数请填 1 到 52'
  const buildings = [...new Set(values.buildings.map((b) => b.trim()).filter(Boolean))]
  if (values.audience === 'buildings' && !buildings.length) errors.buildings = '请至少选一栋楼'
  else if (buildings.some((b) => b.length > 32)) errors.buildings = '楼栋名称最多 32 个字'
  const ages = validateAges(values.minAge, values.maxAge)
  if (ages.minAge) errors.minAge = ages.minAge
  if (ages.maxAge) errors.maxAge = ages.maxAge
  const checked = validateQuestions(values.questions)
  if (!checked.questions) {
    errors.questions = '报名问题还没写好，请看每道题下面的红字'
    errors.questionItems = checked.errors
  }

  const startsAt = fromChinaParts(values.startDate, values.startTime)
  const endsAt = fromChinaParts(values.startDate, values.endTime)
  const signupOpensAt = fromChinaParts(values.opensDate, values.opensTime)
  const signupClosesAt = fromChinaParts(values.closesDate, values.closesTime)
  const cancelDeadline = fromChinaParts(values.cancelDate, values.cancelTime)
  const t = (iso: string) => Date.parse(iso)
  if (t(endsAt) <= t(startsAt)) errors.endTime = '结束时间要晚于开始时间'
  if (t(signupClosesAt) <= t(signupOpensAt)) errors.closesDate = '报名截止要晚于报名开始'
  else if (t(signupClosesAt) > t(startsAt)) errors.closesDate = '报名截止不能晚于活动开始'
  if (t(cancelDeadline) > t(startsAt)) errors.cancelDate = '取消截止不能晚于活动开始'

  if (Object.keys(errors).length || !organiser) return { errors }
  return {
    errors,
    body: {
      communityId: organiser.communityId,
      organisationId: organiser.organisationId,
      title,
      category: values.category,
      coverUrl: values.coverUrl,
      description: values.description.trim(),
      place,
      startsAt,
      endsAt,
      signupOpensAt,
      signupClosesAt,
      cancelDeadline,
      seats: seats ?? 0,
      volunteerSlots: volunteerSlots ?? 0,
      audience: { kind: values.audience, buildings: values.audience === 'buildings' ? buildings : [], minAge: ages.min, maxAge: ages.max },
      questions: checked.questions ?? [],
      companionsAllowed: companionsAllowed ?? 0,
      waitlistEnabled: values.waitlistEnabled,
      offerHoldMinutes: 120,
      ...(values.reminderMinutes !== '' && { reminderMinutes: Number(values.reminderMinutes) }),
      repeatWeekly: repeatWeekly ?? 1,
    },
  }
}

/** Optional age limits: blank for none, otherwise whole years 0–120, the lower not above the upper. */
export function validateAges(minAge: string, maxAge: string): { min: number | null; max: number | null; minAge?: string; maxAge?: string } {
  const parse = (value: string) => (value.trim() === '' ? null : wholeNumber(value, 0, 120))
  const min = parse(minAge)
  const max = parse(maxAge)
  const out: { min: number | null; max: number | null; minAge?: string; maxAge?: string } = { min, max }
  if (minAge.trim() !== '' && min === null) out.minAge = '年龄请填 0 到 120 的整数，不限就空着'
  if (maxAge.trim() !== '' && max === null) out.maxAge = '年龄请填 0 到 120 的整数，不限就空着'
  else if (min !== null && max !== null && min > max) out.maxAge = '最大年龄不能小于最小年龄'
  return out
}

/** The reminder lead times staff pick from ('' keeps the server's default), with the activity's own if it is another. */
export function reminderOptions(current: string): { key: string; label: string }[] {
  const options = [
    { key: '', label: '按系统设置' },
    { key: '60', label: '活动前1小时' },
    { key: '120', label: '活动前2小时' },
    { key: '240', label: '活动前4小时' },
    { key: '1440', label: '活动前1天' },
    { key: '2880', label: '活动前2天' },
  ]
  if (current !== '' && !options.some((o) => o.key === current)) options.push({ key: current, label: `活动前${formatLead(Number(current) * 60_000)}` })
  return options
}
