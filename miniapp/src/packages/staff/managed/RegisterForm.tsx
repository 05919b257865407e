import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, type Community, type ManagedResident, type Me } from '@linli/shared'
import { call } from '../../../api'
import { messageOf } from '../../../api/errors'
import { Button } from '../../../components/nutui'
import { useHouseholdLevels } from '../../../hooks/useHouseholdLevels'
import { useResource } from '../../../hooks/useResource'
import { Choice, Field } from '../shared/Field'
import { Notice, type NoticeText } from '../shared/Notice'

/** The communities whose residents I may register: my committee's, or every one of my street. */
function administered(me: Me, communities: Community[]): Community[] {
  const ids = new Set(me.grants.filter((g) => g.role === 'committee_staff').map((g) => g.scope.id))
  const streets = new Set(me.grants.filter((g) => g.role === 'street_admin').map((g) => g.scope.id))
  return communities.filter((c) => ids.has(c.id) || streets.has(c.street.id))
}

/** 登记代办居民: the name, then 楼栋 → 单元 → 房号 as big buttons. */
export function RegisterForm({ me, onRegistered }: { me: Me; onRegistered: (resident: ManagedResident) => void }) {
  const communities = useResource(async () => administered(me, (await call(routes.communities)).items), { key: me.id })
  const [communityId, setCommunityId] = useState<number>()
  const [building, setBuilding] = useState<string>()
  const [unit, setUnit] = useState<string>()
  const [householdId, setHouseholdId] = useState<number>()
  const [name, setName] = useState('')
  const [notice, setNotice] = useState<NoticeText | null>(null)
  const mine = communities.state.data ?? []
  const community = communityId ?? (mine.length === 1 ? mine[0].id : undefined)
  const levels = useHouseholdLevels({ communityId: community, building, unit })

  const submit = async () => {
    if (!name.trim()) return setNotice({ kind: 'error', text: '请填写居民的名字' })
    if (householdId === undefined) return setNotice({ kind: 'error', text: '请选好楼栋、单元和房号' })
    try {
      const created = await call(routes.createManagedResident, { body: { name: name.trim(), householdId } })
      setNotice({ kind: 'done', text: `已登记“${created.name}”，现在可以为他（她）代报名了` })
      setName('')
      setHouseholdId(undefined)
      onRegistered(created)
    } catch (error) {
      setNotice({ kind: 'error', text: messageOf(error) })
    }
  }

  return (
    <View id='managed-register' className='ll-card'>
      <Text className='ll-heading'>登记代办居民</Text>
      <Text className='ll-secondary'>没有智能手机的居民，由您替他（她）报名活动；以后本人或家人可以用接管码接手账号。</Text>
      <Field id='managed-name' label='居民姓名' value={name} onChange={setName} placeholder='如 钱奶奶' maxLength={20} />
      {mine.length > 1 ? (
        <Choice
          id='managed-community'
          label='社区'
          options={mine.map((c) => ({ value: String(c.id), label: c.name }))}
          value={community === undefined ? undefined : String(community)}
          onChange={(v) => {
            setCommunityId(Number(v))
            setBuilding(undefined)
            setUnit(undefined)
            setHouseholdId(undefined)
          }}
        />
      ) : null}
      {levels.buildings.state.data ? (
        <Choice
          id='managed-building'
          label='楼栋'
          options={levels.buildings.state.data.map((b) => ({ value: b, label: b }))}
          value={building}
          onChange={(v) => {
            setBuilding(v)
            setUnit(undefined)
            setHouseholdId(undefined)
          }}
        />
      ) : null}
      {building && levels.units.state.data ? (
        <Choice
          id='managed-unit'
          label='单元'
          options={levels.units.state.data.map((u) => ({ value: u, label: u }))}
          value={unit}
          onChange={(v) => {
            setUnit(v)
            setHouseholdId(undefined)
          }}
        />
      ) : null}
      {unit && levels.rooms.state.data ? (
        <Choice
          id='managed-room'
          label='房号'
          options={levels.rooms.state.data.map((h) => ({ value: String(h.id), label: h.room }))}
          value={householdId === undefined ? undefined : String(householdId)}
          onChange={(v) => setHouseholdId(Number(v))}
        />
      ) : null}
      <Notice id='managed-register-notice' notice={notice} />
      <Button id='managed-register-submit' type='primary' size='large' block onClick={() => void submit()}>
        登记
      </Button>
    </View>
  )
}
