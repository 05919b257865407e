import { weekdayLabels, type OpeningHours, type OpeningPeriod } from '@linli/shared'

/** 约600米 / 约1.2公里: rounded the way people say it. */
export function distanceWords(meters: number): string {
  if (meters < 1000) return `约${Math.max(50, Math.round(meters / 50) * 50)}米`
  return `约${(Math.round(meters / 100) / 10).toString()}公里`
}

/** 步行约8分钟 */
export function walkWords(minutes: number): string {
  return `步行约${minutes}分钟`
}

/** 8:30 (no leading zero: easier to read aloud). */
function clock(time: string): string {
  return time.replace(/^0(\d)/, '$1')
}

export function periodsWords(periods: Pick<OpeningPeriod, 'open' | 'close'>[]): string {
  return periods.map((p) => `${clock(p.open)}–${clock(p.close)}`).join('、')
}

/** 今天 8:30–12:00、14:00–17:30 / 今天休息 */
export function todayWords(today: Pick<OpeningPeriod, 'open' | 'close'>[]): string {
  return today.length ? `今天 ${periodsWords(today)}` : '今天休息'
}

/**
 * The week in a few lines, days with the same hours joined: 周一至周五 8:30–12:00、14:00–17:30 / 周六、周日 休息.
 */
export function weekWords(hours: OpeningHours): string[] {
  const byDay = [1, 2, 3, 4, 5, 6, 7].map((day) => {
    const periods = hours.periods.filter((p) => p.day === day).sort((a, b) => a.open.localeCompare(b.open))
    return periods.length ? periodsWords(periods) : '休息'
  })
  const lines: string[] = []
  let start = 0
  for (let day = 1; day <= 7; day++) {
    if (day < 7 && byDay[day] === byDay[start]) continue
    const span = day - start
    const days =
      span === 1 ? weekdayLabels[start + 1] : span === 2 ? `${weekdayLabels[start + 1]}、${weekdayLabels[day]}` : `${weekdayLabels[start + 1]}至${weekdayLabels[day]}`
    lines.push(`${days} ${byDay[start]}`)
    start = day
  }
  return lines
}
