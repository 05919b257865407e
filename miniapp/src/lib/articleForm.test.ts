import { scheduleInstant } from './articles'
import { bodyHasContent, createRequestOf, defaultSchedule, newArticleValues, updateRequestOf, validateArticleForm } from './articleForm'

const now = new Date('2026-11-22T02:00:00Z') // 10:00 in China

describe('article form', () => {
  it('schedules tomorrow morning by default, in China time', () => {
    expect(defaultSchedule(now)).toEqual({ date: '2026-11-23', time: '08:00' })
  })

  it('asks for a title, a body before publishing, and a time still to come', () => {
    const values = newArticleValues(3, now)
    expect(validateArticleForm(values, now)).toEqual({ title: '请填写标题', body: '请写好正文再发布' })
    expect(validateArticleForm({ ...values, title: '通知', when: 'draft' }, now)).toEqual({})
    const late = { ...values, title: '通知', body: '<p>内容</p>', when: 'later' as const, date: '2026-11-22', time: '09:00' }
    expect(validateArticleForm(late, now).when).toMatch(/已经过了/)
    expect(validateArticleForm({ ...late, time: '11:00' }, now)).toEqual({})
  })

  it('reads the schedule as China time, to the minute or to the second', () => {
    expect(scheduleInstant('2026-11-23', '08:00')).toBe('2026-11-23T00:00:00.000Z')
    expect(scheduleInstant('2026-11-23', '08:00:30')).toBe('2026-11-23T00:00:30.000Z')
  })

  it('counts a picture as content but not empty paragraphs', () => {
    expect(bodyHasContent('<p><br></p><h2>&nbsp;</h2>')).toBe(false)
    expect(bodyHasContent('<p><img src="/uploads/a/body.jpg"></p>')).toBe(true)
  })

  it('sends trimmed text and the linked activity and consultation, and no community on an edit', () => {
    const values = { ...newArticleValues(3, now), title: ' 停水 ', summary: ' 周三 ', body: '<p>x</p>', activityId: 9 }
    expect(createRequestOf(values)).toMatchObject({ communityId: 3, title: '停水', summary: '周三', activityId: 9, pollId: null })
    expect(updateRequestOf({ ...values, pollId: 4 })).toMatchObject({ activityId: 9, pollId: 4 })
    expect(updateRequestOf(values)).not.toHaveProperty('communityId')
  })
})
