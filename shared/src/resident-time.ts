/**
 * The one way residents read a time, in the app, the inbox and WeChat notices alike: 11月25日 周三 下午2:00
 * (/work/shared/UI.md), always in China time (UTC+8, no daylight saving), whatever the phone or server says.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export interface ChinaTime {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  /** Days since 1970-01-01 in China: equal for two times on the same China date. */
  dayNumber: number;
}

export function chinaTime(at: Date | string): ChinaTime {
  const shifted = new Date(new Date(at).getTime() + CHINA_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    dayNumber: Math.floor(shifted.getTime() / 86_400_000),
  };
}

/** 上午9:30, 中午12:15, 下午2:00, 晚上7:30, 凌晨5:00 */
export function formatClock(hour: number, minute: number): string {
  const mm = String(minute).padStart(2, '0');
  if (hour < 6) return `凌晨${hour}:${mm}`;
  if (hour < 12) return `上午${hour}:${mm}`;
  if (hour < 13) return `中午${hour}:${mm}`;
  if (hour < 18) return `下午${hour - 12}:${mm}`;
  return `晚上${hour - 12}:${mm}`;
}

/**
 * 11月25日 周三 下午2:00, the same whenever it is read: for what is stored and sent (notices, WeChat messages).
 * Without the weekday (`{ weekday: false }`) where room is short: 11月25日 下午2:00.
 */
export function formatMoment(at: Date | string, options: { weekday?: boolean } = {}): string {
  const t = chinaTime(at);
  const weekday = options.weekday === false ? '' : ` ${WEEKDAYS[t.weekday]}`;
  return `${t.month}月${t.day}日${weekday} ${formatClock(t.hour, t.minute)}`;
}

/** As `formatMoment`, read now: 今天/昨天/明天 for days next to today; the year only when it differs. */
export function formatDateTime(at: Date | string, now: Date = new Date()): string {
  const t = chinaTime(at);
  const today = chinaTime(now);
  const clock = formatClock(t.hour, t.minute);
  const diff = t.dayNumber - today.dayNumber;
  if (diff === 0) return `今天 ${clock}`;
  if (diff === -1) return `昨天 ${clock}`;
  if (diff === 1) return `明天 ${clock}`;
  const year = t.year === today.year ? '' : `${t.year}年`;
  return `${year}${formatMoment(at)}`;
}

/** 11月25日 周三 下午2:00–4:00; the end's day too when it ends on another day. */
export function formatTimeRange(start: Date | string, end: Date | string, now: Date = new Date()): string {
  const from = chinaTime(start);
  const to = chinaTime(end);
  const first = formatDateTime(start, now);
  if (from.dayNumber !== to.dayNumber) return `${first} 至 ${formatDateTime(end, now)}`;
  const startClock = formatClock(from.hour, from.minute);
  const endClock = formatClock(to.hour, to.minute);
  const period = (clock: string) => clock.replace(/[0-9:]+$/, '');
  return `${first}–${period(startClock) === period(endClock) ? endClock.slice(period(endClock).length) : endClock}`;
}

/** How long before a time, in words: 2小时, 1天, 1天2小时, 30分钟. */
export function formatLead(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days === 0 && hours === 0) return `${rest}分钟`;
  return `${days ? `${days}天` : ''}${hours ? `${hours}小时` : ''}${rest && !days ? `${rest}分钟` : ''}`;
}
