import type { Community, Organisation } from '@linli/shared'
import { makeMe } from '../../test/fixtures'
import { defaultFormValues, fromChinaParts, organiserOptions, toChinaParts, validateActivityForm } from './activityForm'

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

  it('says what to fix: missing words, times in the wrong order, numbers out of range', () => {
    const options = [{ key: 'c1', communityId: 1, organisationId: null, label: '' }]
    const values = { ...defaultFormValues(now, 'c1'), endTime: '13:00', seats: '二十', audience: 'buildings' as const }

    const { errors, body } = validateActivityForm(values, options)

    expect(body).toBeUndefined()
    expect(errors).toMatchObject({ title: '请填写活动名称', place: '请填写活动地点', endTime: '结束时间要晚于开始时间', seats: '名额请填 0 到 10000 的整数', buildings: '请写上哪几栋楼，比如：3栋，5栋' })
  })
})
