import { chinaTime, type HouseholdRef } from '@linli/shared'

/** Times are written one way for residents everywhere (app, inbox, WeChat notices): shared's formatter. */
export { formatClock, formatDateTime, formatTimeRange } from '@linli/shared'

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
