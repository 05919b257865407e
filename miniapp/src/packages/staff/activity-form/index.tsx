import { useEffect, useState, type ReactNode } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { activityCategoryLabels, routes, type ActivityCategory, type Audience } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button, Input, TextArea } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { defaultFormValues, formValuesOf, organiserOptions, validateActivityForm, type ActivityFormValues, type FormErrors } from '../../../lib/activityForm'
import { replaceWith } from '../../../navigation'
import './index.css'

const CATEGORIES = Object.keys(activityCategoryLabels) as ActivityCategory[]
const AUDIENCES: { kind: Audience['kind']; label: string }[] = [
  { kind: 'anyone', label: '所有人（不用认证）' },
  { kind: 'community_residents', label: '本社区认证居民' },
  { kind: 'buildings', label: '指定楼栋的居民' },
]

function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <View className='form-field'>
      <Text className='ll-field-label'>{label}</Text>
      {hint ? <Text className='ll-secondary form-hint'>{hint}</Text> : null}
      {children}
      {error ? <Text className='ll-field-error'>{error}</Text> : null}
    </View>
  )
}

function Choice<T extends string>({ id, options, value, onChange }: { id: string; options: { key: T; label: string }[]; value: T; onChange: (v: T) => void }) {
  return (
    <View className='form-choices' id={id}>
      {options.map((o) => (
        <View key={o.key} id={`${id}-${o.key}`} className={o.key === value ? 'form-choice form-choice-on' : 'form-choice'} onClick={() => onChange(o.key)}>
          {o.key === value ? '✓ ' : ''}
          {o.label}
        </View>
      ))}
    </View>
  )
}

function When({ id, date, time, onDate, onTime, dateless }: { id: string; date?: string; time: string; onDate?: (v: string) => void; onTime: (v: string) => void; dateless?: boolean }) {
  return (
    <View className='form-when'>
      {dateless ? null : (
        <Picker mode='date' value={date ?? ''} onChange={(e) => onDate?.(String(e.detail.value))}>
          <View id={`${id}-date`} className='form-picker'>
            {date}
          </View>
        </Picker>
      )}
      <Picker mode='time' value={time} onChange={(e) => onTime(String(e.detail.value))}>
        <View id={`${id}-time`} className='form-picker'>
          {time}
        </View>
      </Picker>
    </View>
  )
}

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
  const [values, setValues] = useState<ActivityFormValues | null>(null)
  const [errors, setErrors] = useState<FormErrors>({})
  const [serverError, setServerError] = useState<string>()
  const [saving, setSaving] = useState(false)

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

  if (!me || !values) {
    const error = meState.status === 'error' ? meState.error : setup.state.status === 'error' ? setup.state.error : undefined
    return <Page>{error ? <ErrorState error={error} onRetry={setup.reload} /> : <LoadingState cards={3} />}</Page>
  }

  const set = <K extends keyof ActivityFormValues>(key: K, value: ActivityFormValues[K]) => {
    setValues({ ...values, [key]: value })
    if (errors[key]) setErrors({ ...errors, [key]: undefined })
  }

  const save = async () => {
    const { errors: found, body } = validateActivityForm(values, options)
    setErrors(found)
    setServerError(undefined)
    if (!body) {
      setServerError('还有几处没填好，请看红字提示')
      return
    }
    setSaving(true)
    try {
      if (editId) {
        const { communityId: _c, organisationId: _o, repeatWeekly: _r, questions: _q, ...changes } = body
        await call(routes.updateActivity, { params: { id: editId }, body: changes })
        replaceWith('activityDetail', { id: editId })
      } else {
        const created = await call(routes.createActivity, { body })
        replaceWith('activityDetail', { id: created.id })
      }
    } catch (error) {
      setServerError(messageOf(error))
    } finally {
      setSaving(false)
    }
  }

  const input = (key: 'title' | 'place' | 'seats' | 'volunteerSlots' | 'companionsAllowed' | 'repeatWeekly' | 'buildings', placeholder: string, type: 'text' | 'digit' = 'text') => (
    <View className='ll-input-wrap'>
      <Input id={`form-${key}`} type={type} value={values[key]} placeholder={placeholder} onChange={(v) => set(key, v)} />
    </View>
  )

  return (
    <Page
      footer={
        <Button id='activity-form-save' type='primary' size='xlarge' block loading={saving} onClick={save}>
          {editId ? '保存修改' : '保存为草稿'}
        </Button>
      }
    >
      <View className='ll-body form'>
        <Text className='ll-title'>{editId ? '修改活动' : '新活动'}</Text>
        {editId ? null : <Text className='ll-secondary'>先保存为草稿，在活动页面检查无误后再点“发布活动”，居民才能看到。</Text>}
        {serverError ? (
          <View id='activity-form-error' className='ll-notice ll-notice-error' role='alert'>
            <Text className='ll-text'>{serverError}</Text>
          </View>
        ) : null}

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
        <Field label='地点' error={errors.place}>
          {input('place', '比如：社区活动室（3栋一楼）')}
        </Field>
        <Field label='活动介绍'>
          <View className='ll-input-wrap'>
            <TextArea id='form-description' value={values.description} placeholder='做什么、要带什么、注意什么' maxLength={5000} rows={4} onChange={(v) => set('description', v)} />
          </View>
        </Field>
        <Field label='活动日期和开始时间'>
          <When id='form-start' date={values.startDate} time={values.startTime} onDate={(v) => set('startDate', v)} onTime={(v) => set('startTime', v)} />
        </Field>
        <Field label='结束时间' error={errors.endTime}>
          <When id='form-end' dateless time={values.endTime} onTime={(v) => set('endTime', v)} />
        </Field>
        <Field label='报名开始'>
          <When id='form-opens' date={values.opensDate} time={values.opensTime} onDate={(v) => set('opensDate', v)} onTime={(v) => set('opensTime', v)} />
        </Field>
        <Field label='报名截止' error={errors.closesDate}>
          <When id='form-closes' date={values.closesDate} time={values.closesTime} onDate={(v) => set('closesDate', v)} onTime={(v) => set('closesTime', v)} />
        </Field>
        <Field label='取消截止' hint='这之后居民不能在手机上取消报名' error={errors.cancelDate}>
          <When id='form-cancel' date={values.cancelDate} time={values.cancelTime} onDate={(v) => set('cancelDate', v)} onTime={(v) => set('cancelTime', v)} />
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
        <Field label='需要几位志愿者' error={errors.volunteerSlots}>
          {input('volunteerSlots', '不需要就填 0', 'digit')}
        </Field>
        <Field label='谁可以报名'>
          <Choice id='form-audience' options={AUDIENCES.map((a) => ({ key: a.kind, label: a.label }))} value={values.audience} onChange={(v) => set('audience', v)} />
        </Field>
        {values.audience === 'buildings' ? (
          <Field label='哪几栋楼' error={errors.buildings}>
            {input('buildings', '比如：3栋，5栋')}
          </Field>
        ) : null}
        {editId ? null : (
          <Field label='每周重复几次' hint='每周同一时间办一次，每次单独报名；只办一次就填 1' error={errors.repeatWeekly}>
            {input('repeatWeekly', '1', 'digit')}
          </Field>
        )}
      </View>
    </Page>
  )
}
