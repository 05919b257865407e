import { dayTexts, parseDayTexts } from './hours-text'

describe('opening hours typed per weekday', () => {
  it('reads ranges in the ways people type them, and an empty box as a day off', () => {
    const texts = ['8:30-12:00 14:00-17:30', '08:30～12:00，14:00至17:30', '', '9：00-11：30', '', '', '']
    expect(parseDayTexts(texts)).toEqual({
      periods: [
        { day: 1, open: '08:30', close: '12:00' },
        { day: 1, open: '14:00', close: '17:30' },
        { day: 2, open: '08:30', close: '12:00' },
        { day: 2, open: '14:00', close: '17:30' },
        { day: 4, open: '09:00', close: '11:30' },
      ],
    })
  })

  it('names the day it cannot read', () => {
    expect(parseDayTexts(['', '', '上午开门', '', '', '', ''])).toEqual({ error: expect.stringContaining('周三') })
    expect(parseDayTexts(['8:30-12:00 下午', '', '', '', '', '', ''])).toEqual({ error: expect.stringContaining('周一') })
  })

  it('writes saved hours back into the boxes', () => {
    const hours = { periods: [{ day: 7, open: '14:00', close: '17:00' }, { day: 7, open: '09:00', close: '12:00' }], note: '' }
    expect(dayTexts(hours)).toEqual(['', '', '', '', '', '', '09:00-12:00 14:00-17:00'])
    expect(dayTexts(null)).toEqual(['', '', '', '', '', '', ''])
  })
})
