import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import {
  incubationStageLabels,
  legalStatusLabels,
  organisationTypeLabels,
  type Community,
  type IncubationStage,
  type LegalStatus,
  type OrganisationDetail,
  type OrganisationType,
} from '@linli/shared'
import { messageOf } from '../../../api'
import { Button } from '../../../components/nutui'
import { Choice, ChoiceButton, Field } from '../shared/Field'

export interface OrganisationDraft {
  name: string
  type: OrganisationType
  legalStatus: LegalStatus
  registrationNo: string
  leader: string
  contactPhone: string
  description: string
  communityIds: number[]
  stage: IncubationStage
  stageDate: string
  mentorId: number | null
}

const options = <T extends string>(labels: Record<T, string>) => (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }))
export const typeOptions = options(organisationTypeLabels)
export const legalOptions = options(legalStatusLabels)
export const stageOptions = options(incubationStageLabels)

export function draftOf(o: OrganisationDetail | null): OrganisationDraft {
  return {
    name: o?.name ?? '',
    type: o?.type ?? 'social_org',
    legalStatus: o?.legalStatus ?? 'unregistered',
    registrationNo: o?.registrationNo ?? '',
    leader: o?.leader ?? '',
    contactPhone: o?.contactPhone ?? '',
    description: o?.description ?? '',
    communityIds: o?.communityIds ?? [],
    stage: o?.stage ?? 'applied',
    stageDate: (o && o.stageDates[o.stage]) ?? '',
    mentorId: o?.mentor?.id ?? null,
  }
}

/** Create or edit one organisation: its particulars, the communities it may serve, its incubation stage and mentor. */
export function OrganisationForm({
  initial,
  communities,
  mentors,
  onSave,
  onCancel,
}: {
  initial: OrganisationDetail | null
  communities: Community[]
  mentors: { id: number; name: string }[]
  onSave: (draft: OrganisationDraft) => Promise<void>
  onCancel: () => void
}) {
  const [draft, setDraft] = useState(() => draftOf(initial))
  const [error, setError] = useState<string>()
  const set = (patch: Partial<OrganisationDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const toggleCommunity = (id: number) =>
    set({ communityIds: draft.communityIds.includes(id) ? draft.communityIds.filter((c) => c !== id) : [...draft.communityIds, id] })

  const save = async () => {
    setError(undefined)
    try {
      await onSave(draft)
    } catch (e) {
      setError(messageOf(e))
    }
  }

  return (
    <View className='ll-card' id='organisation-form'>
      <Text className='ll-heading'>{initial ? `修改：${initial.name}` : '登记新组织'}</Text>
      <Field id='org-name' label='组织名称' value={draft.name} maxLength={100} onChange={(name) => set({ name })} />
      <Choice id='org-type' label='类型' options={typeOptions} value={draft.type} onChange={(type) => set({ type })} />
      <Choice id='org-legal' label='登记情况' options={legalOptions} value={draft.legalStatus} onChange={(legalStatus) => set({ legalStatus })} />
      <Field id='org-registration' label='登记证号或备案编号（可不填）' value={draft.registrationNo} maxLength={64} onChange={(registrationNo) => set({ registrationNo })} />
      <Field id='org-leader' label='负责人' value={draft.leader} maxLength={32} onChange={(leader) => set({ leader })} />
      <Field id='org-phone' label='联系电话' value={draft.contactPhone} maxLength={20} type='digit' onChange={(contactPhone) => set({ contactPhone })} />
      <Field id='org-description' label='简介' value={draft.description} maxLength={500} multiline onChange={(description) => set({ description })} />
      <View className='setup-field' id='org-communities'>
        <Text className='ll-text setup-field-label'>可以服务的社区（点选）</Text>
        <View className='setup-choice'>
          {communities.map((c) => (
            <ChoiceButton key={c.id} selected={draft.communityIds.includes(c.id)} label={c.name} onClick={() => toggleCommunity(c.id)} />
          ))}
        </View>
      </View>
      <Choice id='org-stage' label='孵化阶段' options={stageOptions} value={draft.stage} onChange={(stage) => set({ stage, stageDate: '' })} />
      <Field id='org-stage-date' label='进入这个阶段的日期（如 2025-03-01，不填就是今天）' value={draft.stageDate} maxLength={10} onChange={(stageDate) => set({ stageDate })} />
      <View className='setup-field' id='org-mentor'>
        <Text className='ll-text setup-field-label'>孵化导师组织</Text>
        <View className='setup-choice'>
          <ChoiceButton selected={draft.mentorId === null} label='无' onClick={() => set({ mentorId: null })} />
          {mentors
            .filter((m) => m.id !== initial?.id)
            .map((m) => (
              <ChoiceButton key={m.id} selected={draft.mentorId === m.id} label={m.name} onClick={() => set({ mentorId: m.id })} />
            ))}
        </View>
      </View>
      {error ? (
        <View className='setup-error' role='alert' id='organisation-form-error'>
          <Text className='ll-text'>{error}</Text>
        </View>
      ) : null}
      <View className='ll-button-row'>
        <Button id='organisation-cancel' size='large' fill='outline' onClick={onCancel}>
          取消
        </Button>
        <Button id='organisation-save' size='large' type='primary' onClick={() => void save()}>
          保存
        </Button>
      </View>
    </View>
  )
}
