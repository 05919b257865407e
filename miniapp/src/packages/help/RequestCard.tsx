import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { serviceCategoryLabels, type ServiceRequest } from '@linli/shared'
import { formatDateTime } from '../../lib/format'
import { ageText, assigneeText, stateChip } from './request-words'

/** One request as a card: what, where it stands in words, who does it, and what happened. */
export function RequestCard({ request: r, staff, children }: { request: ServiceRequest; staff?: boolean; children?: ReactNode }) {
  const chip = stateChip(r.state)
  const assignee = assigneeText(r)
  return (
    <View className='ll-card' id={`request-${r.id}`}>
      <View className='ll-card-row'>
        <Text className='ll-heading'>{serviceCategoryLabels[r.category]}</Text>
        <Text className={chip.className}>{chip.text}</Text>
        {r.overdue ? <Text className='ll-chip help-overdue'>超时未受理</Text> : null}
      </View>
      <Text className='ll-text setup-line'>{r.details}</Text>
      <Text className='ll-secondary setup-line'>
        {r.communityName} {r.householdLabel}
        {r.contactName ? ` · 联系 ${r.contactName}` : ''}
      </Text>
      <Text className='ll-secondary setup-line'>
        {r.neededAt ? `要在 ${formatDateTime(r.neededAt)}` : '尽快'} · {staff ? `已等 ${ageText(r.ageMinutes)}` : `提交于 ${formatDateTime(r.createdAt)}`}
      </Text>
      {assignee ? <Text className='ll-text setup-line'>服务人员：{assignee}</Text> : null}
      {r.declineReason ? <Text className='ll-text setup-line'>原因：{r.declineReason}</Text> : null}
      {r.doneNote ? <Text className='ll-text setup-line'>办理情况：{r.doneNote}</Text> : null}
      {r.rating ? <Text className='ll-text setup-line'>评价：{'★'.repeat(r.rating)} {r.rating} 分{r.comment ? `，${r.comment}` : ''}</Text> : null}
      {children}
    </View>
  )
}
