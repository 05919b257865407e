import type { Community, Organisation } from '@linli/shared'
import { makeMe } from '../../test/fixtures'
import { makeDetail } from '../../test/fixtures'
import { defaultFormValues, formValuesOf, fromChinaParts, organiserOptions, reminderOptions, toChinaParts, validateActivityForm, validateAges } from './activityForm'

const street = { id: 1, name: '和平街道' }
const communities: Community[] = [
  { id: 1, name: '幸福里社区', address: '', street, householdCount: 10 },
  { id: 2, name: '光明社区', address: '', street, householdCount: 10 },
]
const organisations: Organisation[] = [{ id: 5, name: '巾帼志愿服务队', type: 'volunteer_team', communityIds: [2] }]
const now = new Date('2026-11-21T02:00:00Z')

describe('the activity form', () => {
  it('reads and writes times in China time whatever the phone says', () => {
    expect(toChinaParts('2026-11-25T06:00:00.000Z')).toEqual({ date: '2026-11-25', time: '14:00' })
    expect(fromChinaParts('2026-11-25', '14:00')).toBe('2026-11-25T06:00:00.000Z')
    expect(toChinaParts('2026-11-24T17:30:00.000Z')).toEqual({ date: '2026-11-25', time: '01:30' })
  })

  it('lets committee staff organise for their community and organisation staff for the communities they serve', () => {
    const me = makeMe({
      grants: [
        { id: 1, role: 'committee_staff', scope: { kind: 'community', id: 1, name: '幸福里社区' } },
        { id: 2, role: 'org_staff', scope: { kind: 'organisation', id: 5, name: '巾帼志愿服务队' } },
      ],
    })
    expect(organiserOptions(me, communities, organisations)).toEqual([
      { key: 'c1', communityId: 1, organisationId: null, label: '幸福里社区（居委会）' },
      { key: 'o5c2', communityId: 2, organisationId: 5, label: '巾帼志愿服务队 · 光明社区' },
    ])
  })

  it('builds a valid draft from the defaults once a title and place are given', () => {
    const options = [{ key: 'c1', communityId: 1, organisationId: null, label: '幸福里社区（居委会）' }]
    const values = { ...defaultFormValues(now, 'c1'), title: '重阳节包饺子', place: '社区活动室', repeatWeekly: '4' }

    const { errors, body } = validateActivityForm(values, options)

    expect(errors).toEqual({})
    expect(body).toMatchObject({ communityId: 1, organisationId: null, title: '重阳节包饺子', startsAt: '2026-11-28T06:00:00.000Z', endsAt: '2026-11-28T08:00:00.000Z', repeatWeekly: 4, waitlistEnabled: true })
    expect(Date.parse(body!.signupClosesAt)).toBeLessThan(Date.parse(body!.startsAt))
  })

  it('sends the reminder lead time staff chose, and none to keep the server’s default', () => {
    const options = [{ key: 'c1', communityId: 1, organisationId: null, label: '幸福里社区（居委会）' }]
    const values = { ...defaultFormValues(now, 'c1'), title: '重阳节包饺子', place: '社区活动室' }
    expect(validateActivityForm(values, options).body).not.toHaveProperty('reminderMinutes')
    expect(validateActivityForm({ ...values, reminderMinutes: '120' }, options).body?.reminderMinutes).toBe(120)
    expect(reminderOptions('').map((o) => o.label)).toEqual(['按系统设置', '活动前1小时', '活动前2小时', '活动前4小时', '活动前1天', '活动前2天'])
    expect(reminderOptions('90').at(-1)).toEqual({ key: '90', label: '活动前1小时30分钟' })
  })

  it('says what to fix: missing words, times in the wrong order, numbers out of range', () => {
    const options = [{ key: 'c1', communityId: 1, organisationId: null, label: '' }]
    const values = { ...defaultFormValues(now, 'c1'), endTime: '13:00', seats: '二十', audience: 'buildings' as const }

    const { errors, body } = validateActivityForm(values, options)

    expect(body).toBeUndefined()
    expect(errors).toMatchObject({ title: '请填写活动名称', place: '请填写活动地点', endTime: '结束时间要晚于开始时间', seats: '名额请填 0 到 10000 的整数', buildings: '请至少选一栋楼' })
  })

  it('sends the cover, the audience with its buildings and ages, and the questions', () => {
    const options = [{ key: 'c1', communityId: 1, organisationId: null, label: '' }]
    const values = {
      ...defaultFormValues(now, 'c1'),
      title: '智能手机课',
      place: '活动室',
      coverUrl: 'https://linli.test/uploads/abc/cover.jpg',
      audience: 'buildings' as const,
      buildings: ['3栋', ' 1栋', '3栋', ''],
      minAge: '60',
      maxAge: ' ',
      questions: [{ id: 'q1', kind: 'single' as const, title: ' 需要接送吗 ', required: true, options: ['需要', '', '不需要'] }],
    }

    const { errors, body } = validateActivityForm(values, options)

    expect(errors).toEqual({})
    expect(body).toMatchObject({
      coverUrl: 'https://linli.test/uploads/abc/cover.jpg',
      audience: { kind: 'buildings', buildings: ['3栋', '1栋'], minAge: 60, maxAge: null },
      questions: [{ id: 'q1', kind: 'single', title: '需要接送吗', required: true, options: ['需要', '不需要'] }],
    })
  })

  it('drops the buildings unless the audience is chosen buildings', () => {
    const options = [{ key: 'c1', communityId: 1, organisationId: null, label: '' }]
    const values = { ...defaultFormValues(now, 'c1'), title: '讲座', place: '活动室', audience: 'anyone' as const, buildings: ['3栋'] }
    expect(validateActivityForm(values, options).body?.audience).toEqual({ kind: 'anyone', buildings: [], minAge: null, maxAge: null })
  })

  it.each([
    ['', '', {}, null, null],
    ['60', '', {}, 60, null],
    ['', '12', {}, null, 12],
    ['0', '120', {}, 0, 120],
    ['70', '60', { maxAge: '最大年龄不能小于最小年龄' }, 70, 60],
    ['六十', '', { minAge: '年龄请填 0 到 120 的整数，不限就空着' }, null, null],
    ['60', '121', { maxAge: '年龄请填 0 到 120 的整数，不限就空着' }, 60, null],
    ['-1', '6.5', { minAge: '年龄请填 0 到 120 的整数，不限就空着', maxAge: '年龄请填 0 到 120 的整数，不限就空着' }, null, null],
  ])('checks ages %p to %p', (minAge, maxAge, errors, min, max) => {
    const { min: gotMin, max: gotMax, ...found } = validateAges(minAge, maxAge)
    expect(found).toEqual(errors)
    expect([gotMin, gotMax]).toEqual([min, max])
  })

  it('stops the save on bad ages and unfinished questions, saying where', () => {
    const options = [{ key: 'c1', communityId: 1, organisationId: null, label: '' }]
    const values = {
      ...defaultFormValues(now, 'c1'),
      title: '讲座',
      place: '活动室',
      minAge: '80',
      maxAge: '60',
      questions: [
        { id: 'q1', kind: 'multiple' as const, title: '想学什么', required: false, options: ['拍照', ''] },
        { id: 'q2', kind: 'text' as const, title: '', required: false, options: [] },
      ],
    }

    const { errors, body } = validateActivityForm(values, options)

    expect(body).toBeUndefined()
    expect(errors).toMatchObject({
      maxAge: '最大年龄不能小于最小年龄',
      questions: '报名问题还没写好，请看每道题下面的红字',
      questionItems: { q1: { options: '选择题至少要有两个选项' }, q2: { title: '请写上要问的问题' } },
    })
  })

  it('fills the form from an activity being edited, questions and ages included', () => {
    const activity = makeDetail({
      coverUrl: 'https://linli.test/uploads/abc/cover.jpg',
      audience: { kind: 'buildings', buildings: ['1栋', '3栋'], minAge: null, maxAge: 75 },
      questions: [{ id: 'phone', kind: 'single', title: '您有智能手机吗', required: true, options: ['有', '没有'] }],
    })

    const values = formValuesOf(activity, 'c1')

    expect(values).toMatchObject({ coverUrl: 'https://linli.test/uploads/abc/cover.jpg', audience: 'buildings', buildings: ['1栋', '3栋'], minAge: '', maxAge: '75' })
    expect(values.questions).toEqual(activity.questions)
    values.questions[0].options.push('借了家人的')
    expect(activity.questions[0].options).toEqual(['有', '没有'])
  })
})
