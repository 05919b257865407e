import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { servicePointKindLabels, weekdayLabels, type CreateServicePoint, type ServicePoint, type ServicePointKind } from '@linli/shared'
import { messageOf } from '../../../api'
import { Button } from '../../../components/nutui'
import { Choice, ChoiceButton, Field } from '../../staff/shared/Field'
import { dayTexts, parseDayTexts } from './hours-text'

export const kindOptions = (Object.keys(servicePointKindLabels) as ServicePointKind[]).map((value) => ({ value, label: servicePointKindLabels[value] }))

interface Draft {
  name: string
  kind: ServicePointKind
  communityId: number | null
  organisationId: number | null
  address: string
  lat: string
  lng: string
  days: string[]
  note: string
  services: string
  phone: string
}

function draftOf(p: ServicePoint | null, communityId: number | null): Draft {
  return {
    name: p?.name ?? '',
    kind: p?.kind ?? 'elderly_canteen',
    communityId: p ? p.communityId : communityId,
    organisationId: p?.organisation?.id ?? null,
    address: p?.address ?? '',
    lat: p ? String(p.lat) : '',
    lng: p ? String(p.lng) : '',
    days: dayTexts(p?.hours ?? null),
    note: p?.hours.note ?? '',
    services: p?.services.join('、') ?? '',
    phone: p?.phone ?? '',
  }
}

/** What the draft asks the server for, or what to fix first, in words. */
function bodyOf(draft: Draft): CreateServicePoint | string {
  const lat = Number(draft.lat)
  const lng = Number(draft.lng)
  if (!draft.lat.trim() || !draft.lng.trim() || !Number.isFinite(lat) || !Number.isFinite(lng)) {
    return '请填写纬度和经度（数字，如 25.040123）：可以在腾讯地图上找到这个地方，复制它的坐标'
  }
  const hours = parseDayTexts(draft.days)
  if ('error' in hours) return hours.error
  return {
    name: draft.name,
    kind: draft.kind,
    communityId: draft.communityId,
    organisationId: draft.organisationId,
    address: draft.address,
    lat,
    lng,
    hours: { periods: hours.periods, note: draft.note },
    services: draft.services
      .split(/[、,，\s]+/)
      .map((s) => s.trim())
      .filter(Boolean),
    phone: draft.phone,
  }
}

/**
 * Add or change a service point. At a desk the fields sit in two columns and Tab walks them in reading order;
 * the week's hours are one box per day.
 */
export function PointForm({
  initial,
  communities,
  streetLevel,
  organisations,
  desk,
  onSave,
  onCancel,
}: {
  initial: ServicePoint | null
  communities: { id: number; name: string }[]
  /** Street admins may add points that belong to no community. */
  streetLevel: boolean
  organisations: { id: number; name: string }[]
  desk: boolean
  onSave: (body: CreateServicePoint) => Promise<void>
  onCancel: () => void
}) {
  const [draft, setDraft] = useState(() => draftOf(initial, communities[0]?.id ?? null))
  const [error, setError] = useState<string>()
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const setDay = (i: number, text: string) => set({ days: draft.days.map((d, j) => (j === i ? text : d)) })

  const save = async () => {
    setError(undefined)
    const body = bodyOf(draft)
    if (typeof body === 'string') return setError(body)
    try {
      await onSave(body)
    } catch (e) {
      setError(messageOf(e))
    }
  }

  return (
    <View className='ll-card' id='point-form'>
      <Text className='ll-heading'>{initial ? `修改：${initial.name}` : '添加服务点'}</Text>
      <View className={desk ? 'circle-form-desk' : ''}>
        <Field id='point-name' label='名称' value={draft.name} maxLength={100} placeholder='如 幸福里老年食堂' onChange={(name) => set({ name })} />
        <Field id='point-address' label='地址' value={draft.address} maxLength={200} onChange={(address) => set({ address })} />
        <Field id='point-lat' label='纬度（如 25.040123）' value={draft.lat} maxLength={12} type='digit' onChange={(lat) => set({ lat })} />
        <Field id='point-lng' label='经度（如 102.710456）' value={draft.lng} maxLength={12} type='digit' onChange={(lng) => set({ lng })} />
        <Field id='point-phone' label='电话' value={draft.phone} maxLength={20} onChange={(phone) => set({ phone })} />
        <Field id='point-services' label='提供的服务（用顿号隔开）' value={draft.services} maxLength={300} placeholder='助餐、送餐上门' onChange={(services) => set({ services })} />
      </View>
      <Choice id='point-kind' label='类型' options={kindOptions} value={draft.kind} onChange={(kind) => set({ kind })} />
      {initial ? null : (
        <View className='setup-field' id='point-community'>
          <Text className='ll-text setup-field-label'>属于哪个社区</Text>
          <View className='setup-choice'>
            {communities.map((c) => (
              <ChoiceButton key={c.id} selected={draft.communityId === c.id} label={c.name} onClick={() => set({ communityId: c.id })} />
            ))}
            {streetLevel ? <ChoiceButton selected={draft.communityId === null} label='街道（不属于某个社区）' onClick={() => set({ communityId: null })} /> : null}
          </View>
        </View>
      )}
      <View className='setup-field' id='point-organisation'>
        <Text className='ll-text setup-field-label'>运营机构</Text>
        <View className='setup-choice'>
          <ChoiceButton selected={draft.organisationId === null} label='社区自己运营' onClick={() => set({ organisationId: null })} />
          {organisations.map((o) => (
            <ChoiceButton key={o.id} selected={draft.organisationId === o.id} label={o.name} onClick={() => set({ organisationId: o.id })} />
          ))}
        </View>
      </View>
      <View className='setup-field' id='point-hours'>
        <Text className='ll-text setup-field-label'>开放时间：每天写几段，如 08:30-12:00 14:00-17:30；休息的日子空着</Text>
        <View className={desk ? 'circle-form-desk' : ''}>
          {draft.days.map((text, i) => (
            <Field key={i} id={`point-day-${i + 1}`} label={weekdayLabels[i + 1]} value={text} maxLength={60} placeholder='休息就空着' onChange={(t) => setDay(i, t)} />
          ))}
        </View>
        <Button id='point-copy-monday' size='large' fill='outline' onClick={() => set({ days: draft.days.map((d, i) => (i >= 1 && i <= 4 ? draft.days[0] : d)) })}>
          周二到周五照周一填
        </Button>
        <Field id='point-note' label='开放时间说明（可不填）' value={draft.note} maxLength={100} placeholder='如 法定节假日休息' onChange={(note) => set({ note })} />
      </View>
      {error ? (
        <View className='setup-error' role='alert' id='point-form-error'>
          <Text className='ll-text'>{error}</Text>
        </View>
      ) : null}
      <View className='ll-button-row'>
        <Button id='point-cancel' size='large' fill='outline' onClick={onCancel}>
          取消
        </Button>
        <Button id='point-save' size='large' type='primary' onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  )
}
