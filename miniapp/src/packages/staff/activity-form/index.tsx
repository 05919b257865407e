import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { activityCategoryLabels, routes, type ActivityCategory, type SeriesScope } from '@linli/shared'
import { call } from '../../../api'
import { Button, Input, TextArea } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { defaultFormValues, formValuesOf, organiserOptions, reminderOptions, validateActivityForm, type ActivityFormValues, type FormErrors } from '../../../lib/activityForm'
import { validateQuestions, type QuestionDraft } from '../../../lib/signupQuestions'
import { replaceWith } from '../../../navigation'
import { AudienceEditor } from './AudienceEditor'
import { CoverPicker } from './CoverPicker'
import { Choice, DateTime, Field, FormError, FormPending, useFormDraft } from './FormParts'
import { QuestionsEditor } from './QuestionsEditor'
import { ScopeDialog } from './ScopeDialog'
import './index.css'

const CATEGORIES = Object.keys(activityCategoryLabels) as ActivityCategory[]

/** Staff create a draft activity (or a weekly series) or edit one; publishing happens on the activity page. */
export default function ActivityFormPage() {
  const { state: meState } = useMe('activityForm')
  const editId = Number(useRouter().params.id) || 0
  const me = meState.data
  const setup = useResource(
    async () => {
      const [communities, organisations, activity] = await Promise.all([
        call(routes.communities),
        call(routes.organisations),
        editId ? call(routes.getActivity, { params: { id: editId } }) : Promise.resolve(null),
      ])
      return { communities: communities.items, organisations: organisations.items, activity }
    },
    { enabled: Boolean(me) },
  )
  const { values, setValues, errors, setErrors, serverError, saving, change, check, send } = useFormDraft<ActivityFormValues, FormErrors>()
  const [askingScope, setAskingScope] = useState(false)

  const options = me && setup.state.data ? organiserOptions(me, setup.state.data.communities, setup.state.data.organisations) : []
  useEffect(() => {
    if (values || !setup.state.data || !me) return
    const { activity } = setup.state.data
    if (activity) {
      const key = options.find((o) => o.communityId === activity.communityId && (activity.organiser.kind === 'committee' ? o.organisationId === null : o.organisationId === activity.organiser.id))?.key
      setValues(formValuesOf(activity, key ?? options[0]?.key ?? ''))
    } else {
      setValues(defaultFormValues(new Date(), options[0]?.key ?? ''))
    }
  }, [setup.state.data, me, values, options])

  if (!me || !values) return <FormPending reads={[meState, setup.state]} onRetry={setup.reload} />

  const set = <K extends keyof ActivityFormValues>(key: K, value: ActivityFormValues[K]) => change({ [key]: value })
  /** Red text under a question goes away as soon as that question is put right. */
  const changeQuestions = (questions: QuestionDraft[]) => {
    setValues({ ...values, questions })
    if (!errors.questionItems) return
    const still = Object.entries(validateQuestions(questions).errors).filter(([id]) => errors.questionItems?.[id])
    setErrors({ ...errors, questions: still.length ? errors.questions : undefined, questionItems: Object.fromEntries(still) })
  }
  const communityId = options.find((o) => o.key === values.organiserKey)?.communityId ?? null

  const inSeries = Boolean(editId && setup.state.data?.activity?.seriesId)

  /** `scope`: for a session of a series, which sessions to change (asked before saving). */
  const save = async (scope?: SeriesScope) => {
    setAskingScope(false)
    const checked = validateActivityForm(values, options)
    if (!check(checked)) return
    if (inSeries && !scope) {
      setAskingScope(true)
      return
    }
    const { body } = checked
    await send(async () => {
      if (editId) {
        const { communityId: _c, organisationId: _o, repeatWeekly: _r, ...changes } = body
        await call(routes.updateActivity, { params: { id: editId }, body: { ...changes, scope } })
        replaceWith('activityDetail', { id: editId })
      } else {
        const created = await call(routes.createActivity, { body })
        replaceWith('activityDetail', { id: created.id })
      }
    })
  }

  const input = (key: 'title' | 'place' | 'seats' | 'volunteerSlots' | 'companionsAllowed' | 'repeatWeekly', placeholder: string, type: 'text' | 'digit' = 'text') => (
    <View className='ll-input-wrap'>
      <Input id={`form-${key}`} type={type} value={values[key]} placeholder={placeholder} onChange={(v) => set(key, v)} />
    </View>
  )

  return (
    <Page
      footer={
        <Button id='activity-form-save' type='primary' size='xlarge' block loading={saving} onClick={() => save()}>
          {editId ? '保存修改' : '保存为草稿'}
        </Button>
      }
    >
      <StaffFrame current='activities'>
        <View className='ll-body form'>
          <Text className='ll-title'>{editId ? '修改活动' : '新活动'}</Text>
          {editId ? null : <Text className='ll-secondary'>先保存为草稿，在活动页面检查无误后再点“发布活动”，居民才能看到。</Text>}
          {inSeries ? <Text className='ll-secondary'>这是每周重复的活动中的一次，保存时可以选只改这一次，还是这一次及以后各次。</Text> : null}
          <FormError id='activity-form-error' text={serverError} />

          {options.length > 1 && !editId ? (
            <Field label='由谁组织' error={errors.organiserKey}>
              <Choice id='form-organiser' options={options.map((o) => ({ key: o.key, label: o.label }))} value={values.organiserKey} onChange={(v) => set('organiserKey', v)} />
            </Field>
          ) : (
            <Field label='由谁组织' error={errors.organiserKey}>
              <Text className='ll-text'>{options.find((o) => o.key === values.organiserKey)?.label ?? '您没有可以发布活动的社区'}</Text>
            </Field>
          )}
          <Field label='活动名称' error={errors.title}>
            {input('title', '比如：重阳节包饺子')}
          </Field>
          <Field label='分类'>
            <Choice id='form-category' options={CATEGORIES.map((c) => ({ key: c, label: activityCategoryLabels[c] }))} value={values.category} onChange={(v) => set('category', v)} />
          </Field>
          <Field label='封面图片' hint='居民在活动列表和活动页面上看到的图片，可以不放'>
            <CoverPicker value={values.coverUrl} onChange={(url) => set('coverUrl', url)} />
          </Field>
          <Field label='地点' error={errors.place}>
            {input('place', '比如：社区活动室（3栋一楼）')}
          </Field>
          <Field label='活动介绍'>
            <View className='ll-input-wrap'>
              <TextArea id='form-description' value={values.description} placeholder='做什么、要带什么、注意什么' maxLength={5000} rows={4} onChange={(v) => set('description', v)} />
            </View>
          </Field>
          <Field label='活动日期和开始时间'>
            <DateTime id='form-start' date={values.startDate} time={values.startTime} onDate={(v) => set('startDate', v)} onTime={(v) => set('startTime', v)} />
          </Field>
          <Field label='结束时间' error={errors.endTime}>
            <DateTime id='form-end' time={values.endTime} onTime={(v) => set('endTime', v)} />
          </Field>
          <Field label='报名开始'>
            <DateTime id='form-opens' date={values.opensDate} time={values.opensTime} onDate={(v) => set('opensDate', v)} onTime={(v) => set('opensTime', v)} />
          </Field>
          <Field label='报名截止' error={errors.closesDate}>
            <DateTime id='form-closes' date={values.closesDate} time={values.closesTime} onDate={(v) => set('closesDate', v)} onTime={(v) => set('closesTime', v)} />
          </Field>
          <Field label='取消截止' hint='这之后居民不能在手机上取消报名' error={errors.cancelDate}>
            <DateTime id='form-cancel' date={values.cancelDate} time={values.cancelTime} onDate={(v) => set('cancelDate', v)} onTime={(v) => set('cancelTime', v)} />
          </Field>
          <Field label='名额（人）' hint='本人和同行家人都占名额' error={errors.seats}>
            {input('seats', '比如：20', 'digit')}
          </Field>
          <Field label='每人最多带几位家人' error={errors.companionsAllowed}>
            {input('companionsAllowed', '0 到 5', 'digit')}
          </Field>
          <Field label='名额满了以后'>
            <Choice
              id='form-waitlist'
              options={[
                { key: 'on', label: '可以候补，有人取消时按顺序通知' },
                { key: 'off', label: '不设候补' },
              ]}
              value={values.waitlistEnabled ? 'on' : 'off'}
              onChange={(v) => set('waitlistEnabled', v === 'on')}
            />
          </Field>
          <Field label='什么时候提醒报名的居民' hint='微信和消息里各提醒一次'>
            <Choice id='form-reminder' options={reminderOptions(values.reminderMinutes)} value={values.reminderMinutes} onChange={(v) => set('reminderMinutes', v)} />
          </Field>
          <Field label='需要几位志愿者' error={errors.volunteerSlots}>
            {input('volunteerSlots', '不需要就填 0', 'digit')}
          </Field>
          <AudienceEditor
            communityId={communityId}
            audience={values.audience}
            buildings={values.buildings}
            minAge={values.minAge}
            maxAge={values.maxAge}
            errors={errors}
            onChange={change}
          />
          <Field label='报名时要回答的问题' hint='比如是否需要接送、有没有忌口' error={errors.questions}>
            <QuestionsEditor questions={values.questions} errors={errors.questionItems} onChange={changeQuestions} />
          </Field>
          {editId ? null : (
            <Field label='每周重复几次' hint='每周同一时间办一次，每次单独报名；只办一次就填 1' error={errors.repeatWeekly}>
              {input('repeatWeekly', '1', 'digit')}
            </Field>
          )}
        </View>
        <ScopeDialog visible={askingScope} onChoose={(scope) => void save(scope)} onClose={() => setAskingScope(false)} />
      </StaffFrame>
    </Page>
  )
}
