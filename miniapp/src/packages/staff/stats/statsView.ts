import { activityCategoryLabels, buildPath, routes, type StatsOverview } from '@linli/shared'

/** One bar of a chart: its label, its number and the text shown beside it. */
export interface Bar {
  label: string
  value: number
  text: string
}

/** 2026-03 → 2026年3月 */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-')
  return `${year}年${Number(m)}月`
}

/** Minutes as hours with one decimal: 90 → 1.5 */
export function hours(minutes: number): number {
  return Math.round(minutes / 6) / 10
}

export function percentText(rate: number | null): string {
  return rate === null ? '还没有签到记录' : `${Math.round(rate * 1000) / 10}%`
}

/** The charts the page draws, each with the numbers its table shows. */
export function charts(o: StatsOverview): { id: string; title: string; bars: Bar[] }[] {
  const activitiesByMonth = new Map<string, number>()
  const byCategory = new Map<string, number>()
  for (const r of o.activitiesByMonth) {
    activitiesByMonth.set(r.month, (activitiesByMonth.get(r.month) ?? 0) + r.count)
    byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + r.count)
  }
  return [
    {
      id: 'residents',
      title: '新认证住户（按月）',
      bars: o.residentsVerifiedByMonth.map((r) => ({ label: monthLabel(r.month), value: r.count, text: `${r.count} 人` })),
    },
    {
      id: 'activities',
      title: '举办的活动（按月）',
      bars: [...activitiesByMonth].map(([month, n]) => ({ label: monthLabel(month), value: n, text: `${n} 场` })),
    },
    {
      id: 'categories',
      title: '举办的活动（按类别）',
      bars: [...byCategory].map(([category, n]) => ({
        label: activityCategoryLabels[category as keyof typeof activityCategoryLabels],
        value: n,
        text: `${n} 场`,
      })),
    },
    {
      id: 'signups',
      title: '报名和到场',
      bars: [
        { label: '报名', value: o.signups.total, text: `${o.signups.total} 人次` },
        { label: '签到', value: o.signups.attended, text: `${o.signups.attended} 人次` },
        { label: '未到场', value: o.signups.noShows, text: `${o.signups.noShows} 人次` },
        { label: '取消', value: o.signups.cancelled, text: `${o.signups.cancelled} 人次` },
        { label: '候补没排上', value: o.waitlist.turnedAway, text: `${o.waitlist.turnedAway} 人次` },
      ],
    },
    {
      id: 'hours',
      title: '志愿服务时长（按月）',
      bars: o.volunteerMinutesByMonth.map((r) => ({ label: monthLabel(r.month), value: r.minutes, text: `${hours(r.minutes)} 小时` })),
    },
    {
      id: 'consultations',
      title: '议事投票人数',
      bars: o.consultations.map((c) => ({ label: c.title, value: c.ballots, text: `${c.ballots} 人` })),
    },
  ]
}

/** The export's address with the same filters as the page. */
export function exportPath(query: { communityId?: number; from?: string; to?: string }): string {
  const params = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
  return `${buildPath(routes.exportStatsOverview.path)}${params.length ? `?${params.join('&')}` : ''}`
}
