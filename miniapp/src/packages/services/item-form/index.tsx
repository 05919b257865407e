import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { routes, serviceTargetGroupLabels, serviceUnitLabels, type ServiceTargetGroup, type ServiceUnit } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { Choice, ChoiceButton, Field } from '../../staff/shared/Field'
import { Notice } from '../../staff/shared/Notice'
import { useDeskLayout } from '../../../hooks/useDeskLayout'
import { TierEditor, tiersOf, type TierDraft } from '../shared/TierEditor'
import '../../staff/shared/desk.css'
import '../shared/services.css'

const groups = (Object.keys(serviceTargetGroupLabels) as ServiceTargetGroup[]).map((value) => ({ value, label: serviceTargetGroupLabels[value] }))
const units = (Object.keys(serviceUnitLabels) as ServiceUnit[]).map((value) => ({ value, label: serviceUnitLabels[value] }))

/** Add or change a service item: what, for whom, how much, how often per tier, and who does it. */
export default function ServiceItemFormPage() {
  const params = useRouter().params
  const contractId = Number(params.contractId) || 0
  const id = Number(params.id) || 0
  const me = useMe('serviceItemForm').state.data
  const desk = useDeskLayout()
  const setup = useResource(
    async () => ({
      workers: (await call(routes.listServiceWorkers, { params: { id: contractId } })).items,
      item: id ? await call(routes.getServiceItem, { params: { id } }) : null,
    }),
    { enabled: Boolean(me) && contractId > 0 },
  )
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [targetGroup, setTargetGroup] = useState<ServiceTargetGroup>()
  const [unit, setUnit] = useState<ServiceUnit>()
  const [target, setTarget] = useState('')
  const [tiers, setTiers] = useState<TierDraft[]>([])
  const [workerIds, setWorkerIds] = useState<number[]>([])
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)

  const item = setup.state.data?.item
  useEffect(() => {
    if (!item) return
    setName(item.name)
    setDescription(item.description)
    setTargetGroup(item.targetGroup)
    setUnit(item.unit)
    setTarget(String(item.targetQuantity))
    setTiers(item.tiers.map((t) => ({ tier: t.tier, everyDays: String(t.everyDays) })))
    setWorkerIds(item.workers.map((w) => w.id))
  }, [item])

  const save = async () => {
    const targetQuantity = Number(target)
    const parsedTiers = tiersOf(tiers)
    if (!name.trim()) return setError('请填写服务项目名称')
    if (!targetGroup) return setError('请选择服务对象')
    if (!unit) return setError('请选择计量单位')
    if (!Number.isInteger(targetQuantity) || targetQuantity < 1) return setError('目标数量请填一个正整数')
    if (typeof parsedTiers === 'string') return setError(parsedTiers)
    setError(undefined)
    setSaving(true)
    try {
      const fields = { name: name.trim(), description: description.trim(), targetGroup, unit, targetQuantity, tiers: parsedTiers, workerIds }
      if (item) await call(routes.updateServiceItem, { params: { id: item.id }, body: { version: item.version, ...fields } })
      else await call(routes.createServiceItem, { body: { contractId, ...fields } })
      await Taro.navigateBack()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setSaving(false)
    }
  }

  const toggleWorker = (workerId: number) =>
    setWorkerIds((ids) => (ids.includes(workerId) ? ids.filter((w) => w !== workerId) : [...ids, workerId]))

  const content =
    setup.state.status === 'error' && !setup.state.data ? (
      <ErrorState error={setup.state.error} onRetry={() => void setup.reload()} />
    ) : !setup.state.data ? (
      <LoadingState cards={1} />
    ) : (
      <View className='ll-card' id='item-form'>
        <Text className='ll-heading'>{item ? '修改服务项目' : '添加服务项目'}</Text>
        <Field id='item-name' label='服务项目名称' value={name} maxLength={60} placeholder='如：高龄老人入户探访' onChange={setName} />
        <Field id='item-description' label='服务内容' value={description} maxLength={1000} multiline onChange={setDescription} />
        <Choice id='item-group' label='服务对象' options={groups} value={targetGroup} onChange={setTargetGroup} />
        <Choice id='item-unit' label='计量单位' options={units} value={unit} onChange={setUnit} />
        <Field id='item-target' label='服务期内的目标数量' value={target} type='number' maxLength={7} onChange={setTarget} />
        <TierEditor value={tiers} onChange={setTiers} />
        <View className='setup-field' id='item-workers'>
          <Text className='ll-text setup-field-label'>负责的社工（可多选）</Text>
          <View className='setup-choice'>
            {setup.state.data.workers.length === 0 ? <Text className='ll-secondary'>承接机构还没有工作人员，请先邀请他们加入</Text> : null}
            {setup.state.data.workers.map((w) => (
              <ChoiceButton key={w.id} selected={workerIds.includes(w.id)} label={w.name} onClick={() => toggleWorker(w.id)} />
            ))}
          </View>
        </View>
        <Notice id='item-error' notice={error ? { kind: 'error', text: error } : null} />
        <Button id='item-save' size='large' type='primary' block loading={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    )

  return (
    <Page>
      <StaffFrame current='serviceContracts'>
        <View className={desk ? 'll-body svc-desk' : 'll-body'}>{content}</View>
      </StaffFrame>
    </Page>
  )
}
