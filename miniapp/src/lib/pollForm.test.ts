import { makePollDetail } from '../../test/poll-fixtures'
import { defaultPollValues, newPollQuestion, pollCommunityOptions, pollValuesOf, validatePollForm, withPollKind, type PollFormValues } from './pollForm'

const now = new Date('2026-11-21T02:00:00Z')

function filled(overrides: Partial<PollFormValues> = {}): PollFormValues {
  const values = defaultPollValues(now, 1)
  return {
    ...values,
    title: '南门增设充电棚',
    background: '<p>楼道充电有火灾隐患。</p><p>居委会提议在南门增设充电棚。</p>',
    questions: [{ ...values.questions[0], title: '您是否同意？' }],
    ...overrides,
  }
}

describe('the consultation form', () => {
  it('starts open now for a week, secret, one vote per person, results after closing', () => {
    const values = defaultPollValues(now, 1)
    expect(values).toMatchObject({ opensDate: '2026-11-21', opensTime: '10:00', closesDate: '2026-11-28', closesTime: '18:00', secrecy: 'secret', voterMode: 'person', resultsVisibility: 'after_close', minBallots: '10' })
    expect(values.questions[0].options.map((o) => o.label)).toEqual(['同意', '不同意'])
  })

  it('turns a filled form into the create body: the background as written, options without blanks, China times', () => {
    const { errors, body } = validatePollForm(filled(), now)
    expect(errors).toEqual({})
    expect(body).toMatchObject({
      communityId: 1,
      title: '南门增设充电棚',
      background: '<p>楼道充电有火灾隐患。</p><p>居委会提议在南门增设充电棚。</p>',
      buildings: [],
      questions: [{ title: '您是否同意？', kind: 'single', minChoices: 1, maxChoices: 1, options: [{ label: '同意', description: '' }, { label: '不同意', description: '' }] }],
      opensAt: '2026-11-21T02:00:00.000Z',
      closesAt: '2026-11-28T10:00:00.000Z',
      minBallots: 10,
      quorumPercent: 0,
    })
  })

  it('says what to fix: title, buildings, numbers, times', () => {
    const { errors, body } = validatePollForm(
      filled({ title: ' ', scope: 'buildings', buildings: [], minBallots: '0', quorumPercent: '120', closesDate: '2026-11-20' }),
      now,
    )
    expect(body).toBeUndefined()
    expect(errors).toMatchObject({
      title: '请填写投票的题目',
      buildings: '请至少选一栋楼',
      minBallots: '请填 1 到 100000 的整数',
      quorumPercent: '请填 0 到 100 的整数，不要求就填 0',
      closesDate: '结束时间要晚于开始时间',
    })
  })

  it('checks each question: a title, two different options, and sensible min/max for multiple choice', () => {
    const q = newPollQuestion([])
    const questions = [
      { ...q, key: 'a', title: '', options: [{ label: '同意', description: '' }, { label: ' ', description: '' }] },
      { ...q, key: 'b', title: '选哪些', options: [{ label: '甲', description: '' }, { label: '甲', description: '' }] },
      { ...withPollKind({ ...q, options: [{ label: '甲', description: '' }, { label: '乙', description: '' }, { label: '丙', description: '' }] }, 'multiple'), key: 'c', title: '多选', minChoices: '3', maxChoices: '2' },
      { ...q, key: 'd', kind: 'multiple' as const, title: '多选', minChoices: '1', maxChoices: '4', options: [{ label: '甲', description: '' }, { label: '乙', description: '' }] },
      { ...q, key: 'e', title: '说明', options: [{ label: '', description: '只有说明' }, { label: '乙', description: '' }, { label: '丙', description: '' }] },
    ]
    const { errors } = validatePollForm(filled({ questions }), now)
    expect(errors.questions).toBe('问题还没写好，请看每道题下面的红字')
    expect(errors.questionItems).toEqual({
      a: { title: '请写上要问的问题', options: '至少要有两个选项' },
      b: { options: '有两个选项写得一样，请改一下' },
      c: { choices: '最少选的项数不能比最多选的还多' },
      d: { choices: '最多选的项数不能超过选项数（2 个）' },
      e: { options: '有的选项只写了说明，请把选项本身也写上' },
    })
  })

  it('switching to 多选 offers all but one, back to 单选 exactly one', () => {
    const q = { ...newPollQuestion([]), options: [{ label: '甲', description: '' }, { label: '乙', description: '' }, { label: '丙', description: '' }] }
    expect(withPollKind(q, 'multiple')).toMatchObject({ kind: 'multiple', minChoices: '1', maxChoices: '2' })
    expect(withPollKind(withPollKind(q, 'multiple'), 'single')).toMatchObject({ kind: 'single', minChoices: '1', maxChoices: '1' })
  })

  it('reads a draft back into the form, its background with its pictures as it was', () => {
    const background = '<p>第一段</p><p><img src="/uploads/0123456789abcdef0123456789abcdef/body.jpg" alt="现场" /></p><p>第二段</p>'
    const poll = makePollDetail({ phase: 'draft', buildings: ['1栋'], background })
    const values = pollValuesOf(poll)
    expect(values).toMatchObject({ background, scope: 'buildings', buildings: ['1栋'], minBallots: '3' })
    expect(values.questions[1]).toMatchObject({ kind: 'multiple', minChoices: '1', maxChoices: '2' })
    const { body } = validatePollForm(values, now)
    expect(body?.background).toBe(background)
    expect(body?.questions[1].options[1]).toEqual({ label: '监控摄像头', description: '看住车辆，防止偷盗' })
  })

  it('sends no background for an editor emptied again, and says when it is too long', () => {
    expect(validatePollForm(filled({ background: '<p><br></p>' }), now).body?.background).toBe('')
    expect(validatePollForm(filled({ background: '<p><img src="/uploads/0123456789abcdef0123456789abcdef/body.jpg"></p>' }), now).body?.background).toContain('<img')
    expect(validatePollForm(filled({ background: `<p>${'长'.repeat(100_000)}</p>` }), now).errors.background).toBe('议题说明太长了，请删减一些文字或图片')
  })

  it('offers the communities whose consultations I run', () => {
    const communities = [
      { id: 1, name: '幸福里社区', address: '', street: { id: 5, name: '和平街道' }, householdCount: 144 },
      { id: 2, name: '春晖园社区', address: '', street: { id: 5, name: '和平街道' }, householdCount: 144 },
    ]
    const grant = (role: 'committee_staff' | 'street_admin' | 'social_worker', kind: 'community' | 'street' | 'organisation', id: number) => ({ id: 1, role, scope: { kind, id, name: '' } })
    expect(pollCommunityOptions({ grants: [grant('committee_staff', 'community', 1)] }, communities)).toEqual([{ communityId: 1, label: '幸福里社区' }])
    expect(pollCommunityOptions({ grants: [grant('street_admin', 'street', 5)] }, communities).map((c) => c.communityId)).toEqual([1, 2])
    expect(pollCommunityOptions({ grants: [grant('social_worker', 'organisation', 3)] }, communities)).toEqual([])
  })
})
