import { formatClock, formatDateTime, formatLead, formatMoment, formatTimeRange } from './resident-time.js';

const now = new Date('2026-11-21T02:00:00Z'); // 周六 上午10:00 in China

describe('times as residents read them', () => {
  it('writes month, day, weekday and a 12-hour clock with 上午/下午, in China time, whenever it is read', () => {
    expect(formatMoment(new Date('2026-11-25T06:00:00Z'))).toBe('11月25日 周三 下午2:00');
    expect(formatMoment('2026-12-07T16:30:00Z')).toBe('12月8日 周二 凌晨0:30');
    expect(formatMoment('2026-11-25T06:00:00Z', { weekday: false })).toBe('11月25日 下午2:00');
  });

  it('says 今天 / 昨天 / 明天 for the days next to today (by China date), the year only when it differs', () => {
    expect(formatDateTime('2026-11-25T06:00:00Z', now)).toBe('11月25日 周三 下午2:00');
    expect(formatDateTime('2026-11-21T11:00:00Z', now)).toBe('今天 晚上7:00');
    expect(formatDateTime('2026-11-20T16:30:00Z', now)).toBe('今天 凌晨0:30');
    expect(formatDateTime('2026-11-20T04:15:00Z', now)).toBe('昨天 中午12:15');
    expect(formatDateTime('2026-11-22T06:00:00Z', now)).toBe('明天 下午2:00');
    expect(formatDateTime('2025-12-31T06:00:00Z', now)).toBe('2025年12月31日 周三 下午2:00');
  });

  it('names the part of the day', () => {
    expect(formatClock(5, 0)).toBe('凌晨5:00');
    expect(formatClock(12, 5)).toBe('中午12:05');
    expect(formatClock(13, 0)).toBe('下午1:00');
    expect(formatClock(18, 30)).toBe('晚上6:30');
  });

  it('writes a range on one day with one 上午/下午 when both share it, both days past midnight', () => {
    expect(formatTimeRange('2026-11-25T06:00:00Z', '2026-11-25T08:00:00Z', now)).toBe('11月25日 周三 下午2:00–4:00');
    expect(formatTimeRange('2026-11-25T01:30:00Z', '2026-11-25T06:00:00Z', now)).toBe('11月25日 周三 上午9:30–下午2:00');
    expect(formatTimeRange('2026-11-25T12:00:00Z', '2026-11-26T02:00:00Z', now)).toBe('11月25日 周三 晚上8:00 至 11月26日 周四 上午10:00');
  });

  it('says a lead time in days, hours and minutes', () => {
    expect(formatLead(2 * 3600_000)).toBe('2小时');
    expect(formatLead(24 * 3600_000)).toBe('1天');
    expect(formatLead(26 * 3600_000)).toBe('1天2小时');
    expect(formatLead(30 * 60_000)).toBe('30分钟');
    expect(formatLead(90 * 60_000)).toBe('1小时30分钟');
  });
});
