import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { serviceContractTypeLabels, type CreateServiceContract, type ServiceContractType } from '@linli/shared'
import { messageOf } from '../../../api'
import { Button } from '../../../components/nutui'
import { Choice, ChoiceButton, Field } from '../../staff/shared/Field'
import { Notice } from '../../staff/shared/Notice'
import { fenOf } from './servicesView'

export interface Option {
  id: number
  name: string
}

const typeOptions = (Object.keys(serviceContractTypeLabels) as ServiceContractType[]).map((value) => ({ value, label: serviceContractTypeLabels[value] }))

/** A new contract: who buys (a community the caller runs, or the street), from which organisation, when, for how much. */
export function ContractForm({
  communities,
  organisations,
  streetAdmin,
  onSave,
  onCancel,
}: {
  communities: Option[]
  organisations: Option[]
  streetAdmin: boolean
  onSave: (body: CreateServiceContract) => Promise<void>
  onCancel: () => void
}) {
  const [title, setTitle] = useState('')
  const [communityId, setCommunityId] = useState<number | null | undefined>(communities.length === 1 && !streetAdmin ? communities[0].id : undefined)
  const [providerId, setProviderId] = useState<number>()
  const [evaluatorId, setEvaluatorId] = useState<number | null>(null)
  const [type, setType] = useState<ServiceContractType>('delegation')
  const [periodStart, setPeriodStart] = useState('')
  const [periodEnd, setPeriodEnd] = useState('')
  const [amount, setAmount] = useState('')
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)

  const submit = async () => {
    const amountFen = fenOf(amount)
    if (!title.trim()) return setError('请填写合同名称')
    if (communityId === undefined) return setError('请选择购买方')
    if (providerId === undefined) return setError('请选择承接机构')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(periodStart) || !/^\d{4}-\d{2}-\d{2}$/.test(periodEnd)) return setError('请按 2026-01-01 的样子填写服务期限')
    if (amountFen === null) return setError('合同金额请填数字，单位是元，最多两位小数')
    setError(undefined)
    setSaving(true)
    try {
      await onSave({ title: title.trim(), communityId, providerId, evaluatorId, type, periodStart, periodEnd, amountFen })
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='ll-card' id='contract-form'>
      <Text className='ll-heading'>新建服务合同</Text>
      <Field id='contract-title' label='合同名称' value={title} maxLength={100} onChange={setTitle} />
      <View className='setup-field' id='contract-buyer'>
        <Text className='ll-text setup-field-label'>购买方</Text>
        <View className='setup-choice'>
          {streetAdmin ? <ChoiceButton selected={communityId === null} label='街道' onClick={() => setCommunityId(null)} /> : null}
          {communities.map((c) => (
            <ChoiceButton key={c.id} selected={communityId === c.id} label={c.name} onClick={() => setCommunityId(c.id)} />
          ))}
        </View>
      </View>
      <View className='setup-field' id='contract-provider'>
        <Text className='ll-text setup-field-label'>承接机构</Text>
        <View className='setup-choice'>
          {organisations.map((o) => (
            <ChoiceButton key={o.id} selected={providerId === o.id} label={o.name} onClick={() => setProviderId(o.id)} />
          ))}
        </View>
      </View>
      <View className='setup-field' id='contract-evaluator'>
        <Text className='ll-text setup-field-label'>第三方评估机构（可不选）</Text>
        <View className='setup-choice'>
          <ChoiceButton selected={evaluatorId === null} label='不指定' onClick={() => setEvaluatorId(null)} />
          {organisations
            .filter((o) => o.id !== providerId)
            .map((o) => (
              <ChoiceButton key={o.id} selected={evaluatorId === o.id} label={o.name} onClick={() => setEvaluatorId(o.id)} />
            ))}
        </View>
      </View>
      <Choice id='contract-type' label='方式' options={typeOptions} value={type} onChange={setType} />
      <Field id='contract-start' label='服务开始日期' value={periodStart} placeholder='2026-01-01' maxLength={10} onChange={setPeriodStart} />
      <Field id='contract-end' label='服务结束日期' value={periodEnd} placeholder='2026-12-31' maxLength={10} onChange={setPeriodEnd} />
      <Field id='contract-amount' label='合同金额（元）' value={amount} type='digit' maxLength={12} onChange={setAmount} />
      <Notice id='contract-error' notice={error ? { kind: 'error', text: error } : null} />
      <View className='svc-actions'>
        <Button id='contract-save' size='large' type='primary' loading={saving} onClick={() => void submit()}>
          保存合同
        </Button>
        <Button id='contract-cancel' size='large' fill='outline' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
