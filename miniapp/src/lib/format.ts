import type { HouseholdRef } from '@linli/shared'

/** Everyone we serve is on China time (UTC+8, no daylight saving), whatever the phone says. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

interface ChinaTime {
  year: number
  month: number
  day: number
  weekday: number
  hour: number
  minute: number
  dayNumber: number
}

function chinaTime(date: Date): ChinaTime {
  const shifted = new Date(date.getTime() + CHINA_OFFSET_MS)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    dayNumber: Math.floor(shifted.getTime() / 86_400_000),
  }
}

/** 上午9:30, 中午12:15, 下午2:00, 晚上7:30, 凌晨5:00 */
export function formatClock(hour: number, minute: number): string {
  const mm = String(minute).padStart(2, '0')
  if (hour < 6) return `凌晨${hour}:${mm}`
  if (hour < 12) return `上午${hour}:${mm}`
  if (hour < 13) return `中午${hour}:${mm}`
  if (hour < 18) return `下午${hour - 12}:${mm}`
  return `晚上${hour - 12}:${mm}`
}

/** 11月25日 周三 下午2:00; 今天/昨天/明天 for days next to today; the year only when it differs. */
export function formatDateTime(iso: string, now: Date = new Date()): string {
  const t = chinaTime(new Date(iso))
  const today = chinaTime(now)
  const clock = formatClock(t.hour, t.minute)
  const diff = t.dayNumber - today.dayNumber
  if (diff === 0) return `今天 ${clock}`
  if (diff === -1) return `昨天 ${clock}`
  if (diff === 1) return `明天 ${clock}`
  const year = t.year === today.year ? '' : `${t.year}年`
  return `${year}${t.month}月${t.day}日 ${WEEKDAYS[t.weekday]} ${clock}`
}

/** 幸福里社区 3栋 2单元 501 */
export function householdLabel(household: Pick<HouseholdRef, 'communityName' | 'building' | 'unit' | 'room'>): string {
  return `${household.communityName} ${household.building} ${household.unit} ${household.room}`
}

/** 早上好 / 上午好 / 中午好 / 下午好 / 晚上好 */
export function greeting(now: Date = new Date()): string {
  const { hour } = chinaTime(now)
  if (hour < 5) return '您好'
  if (hour < 9) return '早上好'
  if (hour < 12) return '上午好'
  if (hour < 14) return '中午好'
  if (hour < 18) return '下午好'
  return '晚上好'
}

/** 11月25日 周三 下午2:00–4:00; the end's day too when it ends on another day. */
export function formatTimeRange(startIso: string, endIso: string, now: Date = new Date()): string {
  const start = chinaTime(new Date(startIso))
  const end = chinaTime(new Date(endIso))
  const from = formatDateTime(startIso, now)
  if (start.dayNumber !== end.dayNumber) return `${from} 至 ${formatDateTime(endIso, now)}`
  const startClock = formatClock(start.hour, start.minute)
  const endClock = formatClock(end.hour, end.minute)
  const period = (clock: string) => clock.replace(/[0-9:]+$/, '')
  return `${from}–${period(startClock) === period(endClock) ? endClock.slice(period(endClock).length) : endClock}`
}
