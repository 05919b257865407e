import { formatClock, formatDateTime, formatTimeRange, greeting, householdLabel } from './format'

const now = new Date('2026-11-21T02:00:00Z') // 周六 上午10:00 in China

describe('dates for people', () => {
  it('writes month, day, weekday and a 12-hour clock with 上午/下午, in China time', () => {
    expect(formatDateTime('2026-11-25T06:00:00Z', now)).toBe('11月25日 周三 下午2:00')
    expect(formatDateTime('2026-11-27T01:30:00Z', now)).toBe('11月27日 周五 上午9:30')
  })

  it('says 今天 / 昨天 / 明天 for the days next to today (by China date, not UTC date)', () => {
    expect(formatDateTime('2026-11-21T11:00:00Z', now)).toBe('今天 晚上7:00')
    expect(formatDateTime('2026-11-20T16:30:00Z', now)).toBe('今天 凌晨0:30')
    expect(formatDateTime('2026-11-20T04:15:00Z', now)).toBe('昨天 中午12:15')
    expect(formatDateTime('2026-11-22T06:00:00Z', now)).toBe('明天 下午2:00')
  })

  it('adds the year only when it is not this year', () => {
    expect(formatDateTime('2025-12-31T06:00:00Z', now)).toBe('2025年12月31日 周三 下午2:00')
  })

  it('names the part of the day', () => {
    expect(formatClock(5, 0)).toBe('凌晨5:00')
    expect(formatClock(12, 5)).toBe('中午12:05')
    expect(formatClock(13, 0)).toBe('下午1:00')
    expect(formatClock(18, 30)).toBe('晚上6:30')
    expect(greeting(now)).toBe('上午好')
  })

  it('writes a household as community, building, unit and room', () => {
    expect(householdLabel({ communityName: '幸福里社区', building: '3栋', unit: '2单元', room: '501' })).toBe('幸福里社区 3栋 2单元 501')
  })
})

describe('activity times', () => {
  it('writes one day with a start and end clock, dropping a repeated 上午/下午', () => {
    expect(formatTimeRange('2026-11-25T06:00:00Z', '2026-11-25T08:00:00Z', now)).toBe('11月25日 周三 下午2:00–4:00')
    expect(formatTimeRange('2026-11-25T01:30:00Z', '2026-11-25T06:00:00Z', now)).toBe('11月25日 周三 上午9:30–下午2:00')
  })

  it('names both days when it runs past midnight', () => {
    expect(formatTimeRange('2026-11-25T12:00:00Z', '2026-11-26T02:00:00Z', now)).toBe('11月25日 周三 晚上8:00 至 11月26日 周四 上午10:00')
  })
})
