import { Text, View } from '@tarojs/components'
import { routes, serviceUnitLabels } from '@linli/shared'
import { call } from '../../../api'
import { ErrorState, LoadingState } from '../../../components/States'
import { useResource } from '../../../hooks/useResource'
import { Bars } from '../shared/Bars'
import { amount, bandClass, bandText, percent } from '../shared/servicesView'

/** One item's progress: done against target and pace, who is overdue by tier, and the months. */
export function ItemDetail({ itemId }: { itemId: number }) {
  const progress = useResource(() => call(routes.serviceItemProgress, { params: { id: itemId } }), { key: itemId })
  const p = progress.state.data
  if (progress.state.status === 'error' && !p) return <ErrorState error={progress.state.error} onRetry={() => void progress.reload()} />
  if (!p) return <LoadingState cards={1} />
  return (
    <View id='item-detail' className='ll-card'>
      <Text className='ll-heading'>{p.name}</Text>
      <View className='ll-card-row'>
        <Text className='ll-text'>按目标：</Text>
        <Text id='item-target-band' className={bandClass[p.targetBand]}>
          {bandText(p.targetBand)}
        </Text>
        <Text className='ll-text'>按进度：</Text>
        <Text id='item-pace-band' className={bandClass[p.paceBand]}>
          {bandText(p.paceBand)}
        </Text>
      </View>
      <Bars
        id='item-bars'
        max={p.targetQuantity}
        rows={[
          { label: '目标', value: p.targetQuantity, text: amount(p.targetQuantity, p.unit) },
          { label: `按进度应完成（服务期已过${percent(p.elapsedShare)}）`, value: p.expectedByNow, text: amount(p.expectedByNow, p.unit) },
          { label: '已完成', value: p.done, text: `${amount(p.done, p.unit)}（${percent(p.doneRatio)}）` },
        ]}
      />
      {p.fromActivities > 0 ? (
        <Text className='ll-secondary'>
          其中服务记录 {amount(p.fromLogs, p.unit)}，关联活动签到 {amount(p.fromActivities, p.unit)}
        </Text>
      ) : null}
      {p.overdueByTier.length > 0 ? (
        <View id='item-tiers' role='table'>
          <Text className='ll-heading'>探访情况（名册 {p.beneficiaries} 人）</Text>
          {p.overdueByTier.map((t) => (
            <View key={t.tier} className='stats-row' role='row'>
              <Text className='ll-text'>{t.tier}</Text>
              <Text className='ll-text'>每{t.everyDays}天一次，共{t.beneficiaries}人</Text>
              <Text className={t.overdue > 0 ? 'll-text svc-overdue' : 'll-text'}>{t.overdue > 0 ? `逾期 ${t.overdue} 人` : '无逾期'}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <Text className='ll-heading'>每月完成（{serviceUnitLabels[p.unit]}）</Text>
      {p.monthly.length === 0 ? (
        <Text className='ll-secondary'>还没有服务记录</Text>
      ) : (
        <Bars id='item-months' rows={p.monthly.map((m) => ({ label: m.month, value: m.done, text: `${m.done}（${m.logs}条记录）` }))} />
      )}
    </View>
  )
}
