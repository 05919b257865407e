import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { routes, serviceTargetGroupLabels, type ServiceContractProgress, type ServiceItem } from '@linli/shared'
import { call, messageOf } from '../../../api'
import { Button } from '../../../components/nutui'
import { Page } from '../../../components/Page'
import { StaffFrame } from '../../../components/StaffFrame'
import { EmptyState, ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { useMe } from '../../../hooks/useSession'
import { downloadFile } from '../../../lib/download'
import { goTo } from '../../../navigation'
import { DeskTable } from '../../staff/shared/DeskTable'
import { Notice } from '../../staff/shared/Notice'
import { useDeskLayout } from '../../../hooks/useDeskLayout'
import { Bars } from '../shared/Bars'
import { amount, bandClass, bandText, exportPath, percent } from '../shared/servicesView'
import { ItemDetail } from './ItemDetail'
import '../../staff/shared/desk.css'
import '../shared/services.css'

type Row = ServiceContractProgress['items'][number] & { item?: ServiceItem }

/** A contract's items: done against target and pace, bands in words and numbers, overdue people; one item in detail. */
export default function ServiceProgressPage() {
  const contractId = Number(useRouter().params.contractId) || 0
  const me = useMe('serviceProgress').state.data
  const desk = useDeskLayout()
  const [selected, setSelected] = useState<number>()
  const [error, setError] = useState<string>()
  const data = useResource(
    async () => {
      const [progress, items, contract] = await Promise.all([
        call(routes.serviceContractProgress, { params: { id: contractId } }),
        call(routes.listServiceItems, { query: { contractId } }),
        call(routes.getServiceContract, { params: { id: contractId } }),
      ])
      return { progress, contract, rows: progress.items.map((p): Row => ({ ...p, item: items.items.find((i) => i.id === p.itemId) })) }
    },
    { enabled: Boolean(me) && contractId > 0 },
  )
  // Back from adding or changing an item, or from logging a service: read the numbers again.
  useDidShow(() => {
    if (data.state.status === 'ready') void data.reload()
  })

  const exportXlsx = async () => {
    setError(undefined)
    try {
      await downloadFile(exportPath(contractId), '服务进度.xlsx', '没能导出，请稍后再试')
    } catch (e) {
      setError(messageOf(e))
    }
  }

  const d = data.state.data
  const actions = (r: Row) => (
    <View className='setup-choice'>
      <Button id={`item-show-${r.itemId}`} size='large' type={selected === r.itemId ? 'primary' : 'default'} onClick={() => setSelected(r.itemId)}>
        详情
      </Button>
      <Button id={`item-register-${r.itemId}`} size='large' fill='outline' onClick={() => goTo('serviceRegister', { itemId: r.itemId })}>
        名册
      </Button>
      {r.item?.canManage ? (
        <Button id={`item-edit-${r.itemId}`} size='large' fill='outline' onClick={() => goTo('serviceItemForm', { contractId, id: r.itemId })}>
          修改
        </Button>
      ) : null}
      {r.item?.assigned ? (
        <Button id={`item-log-${r.itemId}`} size='large' fill='outline' onClick={() => goTo('serviceLog', { itemId: r.itemId })}>
          记录服务
        </Button>
      ) : null}
    </View>
  )
  const band = (r: Row) => (
    <Text className={bandClass[r.paceBand]} id={`item-band-${r.itemId}`}>
      {bandText(r.paceBand)}
    </Text>
  )

  const content =
    data.state.status === 'error' && !d ? (
      <ErrorState error={data.state.error} onRetry={() => void data.reload()} />
    ) : !d ? (
      <LoadingState />
    ) : (
      <View>
        <View className='ll-card' id='contract-summary'>
          <Text className='ll-heading'>{d.progress.title}</Text>
          <Text className='ll-text'>
            {d.progress.periodStart} 至 {d.progress.periodEnd}，服务期已过 {percent(d.progress.elapsedShare)}
          </Text>
          <Text className='ll-secondary'>“按进度”把已完成的数量和服务期已过的比例相比：达到100%得3分，80%以上2分，60%以上1分，不到60%得0分。</Text>
          <View className='svc-actions'>
            {d.contract.canManage ? (
              <Button id='item-new' size='large' type='primary' onClick={() => goTo('serviceItemForm', { contractId })}>
                添加服务项目
              </Button>
            ) : null}
            <Button id='progress-export' size='large' fill='outline' onClick={() => void exportXlsx()}>
              导出Excel
            </Button>
          </View>
          <Notice notice={error ? { kind: 'error', text: error } : null} />
        </View>
        {d.rows.length === 0 ? (
          <EmptyState title='还没有服务项目' description={d.contract.canManage ? '点“添加服务项目”写下目标数量和探访要求。' : '购买方添加服务项目后，这里会显示。'} />
        ) : desk ? (
          <DeskTable
            id='progress-table'
            rows={d.rows}
            rowKey={(r) => r.itemId}
            columns={[
              { key: 'name', title: '服务项目', width: 1.5, render: (r) => <Text>{r.name}</Text> },
              { key: 'target', title: '目标', width: 0.9, render: (r) => <Text>{amount(r.targetQuantity, r.unit)}</Text> },
              { key: 'done', title: '已完成', render: (r) => <Text>{`${amount(r.done, r.unit)}（${percent(r.doneRatio)}）`}</Text> },
              { key: 'expected', title: '按进度应完成', render: (r) => <Text>{amount(r.expectedByNow, r.unit)}</Text> },
              { key: 'band', title: '进度评价', width: 1.8, render: band },
              { key: 'overdue', title: '逾期未探访', width: 0.9, render: (r) => <Text>{r.overdue > 0 ? `${r.overdue} 人` : '—'}</Text> },
              { key: 'actions', title: '操作', width: 2.4, render: actions },
            ]}
          />
        ) : (
          d.rows.map((r) => (
            <View key={r.itemId} id={`item-${r.itemId}`} className='ll-card'>
              <View className='ll-card-row'>
                <Text className='ll-heading'>{r.name}</Text>
                {band(r)}
              </View>
              {r.item ? <Text className='ll-secondary'>{serviceTargetGroupLabels[r.item.targetGroup]}</Text> : null}
              <Bars
                id={`item-bars-${r.itemId}`}
                max={r.targetQuantity}
                rows={[
                  { label: '已完成', value: r.done, text: `${amount(r.done, r.unit)} / ${amount(r.targetQuantity, r.unit)}` },
                  { label: '按进度应完成', value: r.expectedByNow, text: amount(r.expectedByNow, r.unit) },
                ]}
              />
              {r.overdue > 0 ? <Text className='ll-text svc-overdue'>逾期未探访 {r.overdue} 人</Text> : null}
              {actions(r)}
            </View>
          ))
        )}
        {selected !== undefined ? <ItemDetail itemId={selected} /> : null}
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
