import { distanceWords, todayWords, walkWords, weekWords } from './words'

const office = [1, 2, 3, 4, 5].flatMap((day) => [
  { day, open: '08:30', close: '12:00' },
  { day, open: '14:00', close: '17:30' },
])

describe('service circle words', () => {
  it('says distances and walks the way people do', () => {
    expect(distanceWords(12)).toBe('约50米')
    expect(distanceWords(587)).toBe('约600米')
    expect(distanceWords(1234)).toBe('约1.2公里')
    expect(distanceWords(3000)).toBe('约3公里')
    expect(walkWords(8)).toBe('步行约8分钟')
  })

  it('reads today and the week in a few plain lines', () => {
    expect(todayWords([{ open: '08:30', close: '12:00' }, { open: '14:00', close: '17:30' }])).toBe('今天 8:30–12:00、14:00–17:30')
    expect(todayWords([])).toBe('今天休息')
    expect(weekWords({ periods: office, note: '' })).toEqual(['周一至周五 8:30–12:00、14:00–17:30', '周六、周日 休息'])
    const everyDay = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '11:00', close: '13:00' }))
    expect(weekWords({ periods: everyDay, note: '' })).toEqual(['周一至周日 11:00–13:00'])
    expect(weekWords({ periods: [{ day: 2, open: '09:00', close: '17:00' }], note: '' })).toEqual(['周一 休息', '周二 9:00–17:00', '周三至周日 休息'])
  })
})
