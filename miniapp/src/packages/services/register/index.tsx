import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { routes, type Beneficiary } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { goTo } from '../../../navigation'
import { DeskTable } from '../../staff/shared/DeskTable'
import { ChoiceButton, Field } from '../../staff/shared/Field'
import { Notice, type NoticeText } from '../../staff/shared/Notice'
import { useDeskLayout } from '../../../hooks/useDeskLayout'
import { chinaToday } from '../shared/servicesView'
import { HouseholdPicker, type HouseholdChoice } from './HouseholdPicker'
import '../../staff/shared/desk.css'
import '../shared/services.css'

function visitText(b: Beneficiary): string {
  const last = b.lastServedOn ? `上次 ${b.lastServedOn}` : '还没有探访'
  return b.dueOn ? `${last}，${b.overdue ? '已逾期' : '下次'} ${b.dueOn}` : last
}

/** An item's register: who is served, their tier and when they are due. The committee keeps it; the workers read it. */
export default function ServiceRegisterPage() {
  const itemId = Number(useRouter().params.itemId) || 0
  const me = useMe('serviceRegister').state.data
  const desk = useDeskLayout()
  const item = useResource(() => call(routes.getServiceItem, { params: { id: itemId } }), { enabled: Boolean(me) && itemId > 0 })
  const register = useResource(() => call(routes.listBeneficiaries, { params: { id: itemId } }), { enabled: Boolean(me) && itemId > 0 })
  const [adding, setAdding] = useState(false)
  const [name, setName] = useState('')
  const [tier, setTier] = useState<string | null>(null)
  const [phone, setPhone] = useState('')
  const [notes, setNotes] = useState('')
  const [household, setHousehold] = useState<HouseholdChoice>({})
  const [notice, setNotice] = useState<NoticeText | null>(null)
  const [removing, setRemoving] = useState<Beneficiary | null>(null)
  const i = item.state.data
  const keeps = i?.canManage ?? false

  const add = async () => {
    if (!name.trim()) return setNotice({ kind: 'error', text: '请填写服务对象的姓名' })
    try {
      const created = await call(routes.createBeneficiary, {
        params: { id: itemId },
        body: { name: name.trim(), tier, phone: phone.trim() || null, notes: notes.trim(), householdId: household.householdId ?? null },
      })
      setNotice({ kind: 'done', text: `已把“${created.name}”加进名册` })
      setAdding(false)
      setName('')
      setPhone('')
      setNotes('')
      setHousehold({})
      await register.reload()
    } catch (e) {
      setNotice({ kind: 'error', text: messageOf(e) })
    }
  }

  const remove = async (b: Beneficiary) => {
    try {
      await call(routes.deleteBeneficiary, { params: { id: itemId, beneficiaryId: b.id } })
      setNotice({ kind: 'done', text: `已把“${b.name}”移出名册，过去的服务记录仍然保留` })
      await register.reload()
    } catch (e) {
      setNotice({ kind: 'error', text: messageOf(e) })
    }
  }

  const actions = (b: Beneficiary) => (
    <View className='setup-choice'>
      {i?.assigned ? (
        <Button id={`register-log-${b.id}`} size='large' type='primary' onClick={() => goTo('serviceLog', { itemId, beneficiaryId: b.id })}>
          记录服务
        </Button>
      ) : null}
      {keeps ? (
        <Button id={`register-remove-${b.id}`} size='large' fill='outline' type='danger' onClick={() => setRemoving(b)}>
          移出名册
        </Button>
      ) : null}
    </View>
  )

  const rows = register.state.data?.items ?? []
  const list =
    register.state.status === 'error' && !register.state.data ? (
      <ErrorState error={register.state.error} onRetry={() => void register.reload()} />
    ) : !register.state.data ? (
      <LoadingState />
    ) : rows.length === 0 ? (
      <EmptyState title='名册里还没有人' description={keeps ? '点“添加服务对象”把需要服务的居民加进来。' : '居委会添加服务对象后，这里会显示。'} />
    ) : desk ? (
      <DeskTable
        id='register-table'
        rows={rows}
        rowKey={(b) => b.id}
        columns={[
          { key: 'name', title: '姓名', render: (b) => <Text>{b.name}</Text> },
          { key: 'household', title: '住户', render: (b) => <Text>{b.household?.label ?? '—'}</Text> },
          { key: 'tier', title: '分级', render: (b) => <Text>{b.tier ?? '—'}</Text> },
          { key: 'phone', title: '电话', render: (b) => <Text>{b.phone ?? '—'}</Text> },
          { key: 'visit', title: '探访', width: 2, render: (b) => <Text className={b.overdue ? 'svc-overdue' : ''}>{visitText(b)}</Text> },
          { key: 'notes', title: '备注', width: 1.5, render: (b) => <Text>{b.notes || '—'}</Text> },
          { key: 'actions', title: '操作', width: 2, render: actions },
        ]}
      />
    ) : (
      rows.map((b) => (
        <View key={b.id} id={`beneficiary-${b.id}`} className='ll-card'>
          <View className='ll-card-row'>
            <Text className='ll-heading'>{b.name}</Text>
            {b.tier ? <Text className='ll-chip ll-chip-pending'>{b.tier}</Text> : null}
          </View>
          <Text className='ll-text'>{b.household?.label ?? '未登记住户'} · {b.phone ?? '无电话'}</Text>
          <Text className={b.overdue ? 'll-text svc-overdue' : 'll-secondary'}>{visitText(b)}</Text>
          {b.notes ? <Text className='ll-secondary'>{b.notes}</Text> : null}
          {actions(b)}
        </View>
      ))
    )

  return (
    <Page>
      <StaffFrame current='serviceContracts'>
        <View className={desk ? 'll-body svc-desk' : 'll-body'}>
          {i ? (
            <View className='ll-card'>
              <Text className='ll-heading'>{i.name}</Text>
              <Text className='ll-secondary'>名册只有负责的社工、居委会和街道能看，每次查看都会记录。今天是 {chinaToday()}。</Text>
            </View>
          ) : null}
          <Notice id='register-notice' notice={notice} />
          {keeps && !adding ? (
            <Button id='register-add' size='large' type='primary' block onClick={() => setAdding(true)}>
              添加服务对象
            </Button>
          ) : null}
          {adding && i ? (
            <View className='ll-card' id='register-form'>
              <Field id='beneficiary-name' label='姓名' value={name} maxLength={32} onChange={setName} />
              {i.tiers.length > 0 ? (
                <View className='setup-field' id='beneficiary-tier'>
                  <Text className='ll-text setup-field-label'>分级</Text>
                  <View className='setup-choice'>
                    <ChoiceButton selected={tier === null} label='不分级' onClick={() => setTier(null)} />
                    {i.tiers.map((t) => (
                      <ChoiceButton key={t.tier} selected={tier === t.tier} label={`${t.tier}（每${t.everyDays}天）`} onClick={() => setTier(t.tier)} />
                    ))}
                  </View>
                </View>
              ) : null}
              <HouseholdPicker communityId={i.communityId} value={household} onChange={setHousehold} />
              <Field id='beneficiary-phone' label='联系电话（可不填）' value={phone} type='number' maxLength={20} onChange={setPhone} />
              <Field id='beneficiary-notes' label='备注（身体、居住情况等）' value={notes} maxLength={500} multiline onChange={setNotes} />
              <View className='svc-actions'>
                <Button id='beneficiary-save' size='large' type='primary' onClick={() => void add()}>
                  加进名册
                </Button>
                <Button size='large' fill='outline' onClick={() => setAdding(false)}>
                  取消
                </Button>
              </View>
            </View>
          ) : null}
          {list}
        </View>
        <ConfirmDialog
          visible={removing !== null}
          title='移出名册？'
          text={removing ? `“${removing.name}”将不再出现在名册和任务里，过去的服务记录仍然保留。` : ''}
          confirmId='register-remove-confirm'
          confirmText='移出'
          danger
          onConfirm={() => (removing ? remove(removing) : undefined)}
          onClose={() => setRemoving(null)}
        />
      </StaffFrame>
    </Page>
  )
}
