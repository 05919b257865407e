import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, type Audience } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button, Input } from '../../../components/nutui'
import { useResource } from '../../../hooks/useResource'
import type { ActivityFormValues, FormErrors } from '../../../lib/activityForm'
import { compareNatural, sortedNames } from '../../../lib/households'
import { Choice, Field } from './FormParts'

const AUDIENCES: { key: Audience['kind']; label: string }[] = [
  { key: 'anyone', label: '所有人（不用认证）' },
  { key: 'community_residents', label: '本社区认证居民' },
  { key: 'buildings', label: '指定楼栋的居民' },
]

type AudienceValues = Pick<ActivityFormValues, 'audience' | 'buildings' | 'minAge' | 'maxAge'>

interface AudienceEditorProps extends AudienceValues {
  /** The organising community, whose buildings are offered. */
  communityId: number | null
  errors: FormErrors
  onChange: (patch: Partial<AudienceValues>) => void
}

/** Who may sign up: anyone, the community's verified residents, or those of chosen buildings; optionally an age range. */
export function AudienceEditor({ communityId, audience, buildings, minAge, maxAge, errors, onChange }: AudienceEditorProps) {
  return (
    <>
      <Field label='谁可以报名'>
        <Choice id='form-audience' options={AUDIENCES} value={audience} onChange={(v) => onChange({ audience: v })} />
      </Field>
      {audience === 'buildings' && communityId ? (
        <Field label='哪几栋楼' hint='点楼栋选上，再点一次取消' error={errors.buildings}>
          <BuildingPicker communityId={communityId} chosen={buildings} onChange={(next) => onChange({ buildings: next })} />
        </Field>
      ) : null}
      <Field label='年龄要求' hint='不限年龄就空着。比如只请 60 岁以上的老人，就在“最小”填 60' error={errors.minAge ?? errors.maxAge}>
        <View className='form-ages'>
          <Text className='ll-text'>最小</Text>
          <View className='ll-input-wrap form-age'>
            <Input id='form-minAge' type='digit' value={minAge} placeholder='不限' onChange={(v) => onChange({ minAge: v })} />
          </View>
          <Text className='ll-text'>岁，最大</Text>
          <View className='ll-input-wrap form-age'>
            <Input id='form-maxAge' type='digit' value={maxAge} placeholder='不限' onChange={(v) => onChange({ maxAge: v })} />
          </View>
          <Text className='ll-text'>岁</Text>
        </View>
      </Field>
    </>
  )
}

/** The community's buildings from its household list; where none were imported yet, building names typed in. */
export function BuildingPicker({ communityId, chosen, onChange }: { communityId: number; chosen: string[]; onChange: (next: string[]) => void }) {
  const { state, reload } = useResource(async () => sortedNames((await call(routes.householdBuildings, { params: { id: communityId } })).items), { key: communityId })
  // Typed names keep the text as written (a trailing "，" while typing the next one).
  const [typed, setTyped] = useState(() => chosen.join('，'))

  if (state.status === 'loading') return <Text className='ll-secondary'>正在读取楼栋……</Text>
  if (state.status === 'error') {
    return (
      <View>
        <Text className='ll-field-error'>{messageOf(state.error)}</Text>
        <Button id='form-buildings-retry' size='large' fill='outline' onClick={reload}>
          重试
        </Button>
      </View>
    )
  }
  if (state.data.length === 0) {
    return (
      <View>
        <Text className='ll-secondary form-hint'>这个社区还没有导入住户名单，请直接写楼栋名称，用逗号隔开</Text>
        <View className='ll-input-wrap'>
          <Input
            id='form-buildings'
            value={typed}
            placeholder='比如：3栋，5栋'
            onChange={(v) => {
              setTyped(v)
              onChange(v.split(/[,，、\s]+/).map((b) => b.trim()).filter(Boolean))
            }}
          />
        </View>
      </View>
    )
  }
  // Buildings chosen earlier but no longer in the list stay visible, so they can be taken off.
  const all = [...new Set([...state.data, ...chosen])].sort(compareNatural)
  const toggle = (building: string) => onChange(chosen.includes(building) ? chosen.filter((b) => b !== building) : [...chosen, building].sort(compareNatural))
  return (
    <View id='form-buildings' className='form-choices'>
      {all.map((building) => {
        const on = chosen.includes(building)
        return (
          <View key={building} className={on ? 'form-choice form-choice-on' : 'form-choice'} onClick={() => toggle(building)}>
            {on ? '✓ ' : ''}
            {building}
          </View>
        )
      })}
    </View>
  )
}
