import { Image, Text, View } from '@tarojs/components'
import { activityCategoryLabels, type ActivitySummary } from '@linli/shared'
import { activityChip, seatsLine } from '../lib/activities'
import { formatTimeRange } from '../lib/format'
import { ToneChip } from './ToneChip'

/** One activity in a list: what, when, where, who organises it, and whether I can still get a seat. */
export function ActivityCard({ activity, onOpen }: { activity: ActivitySummary; onOpen: () => void }) {
  const chip = activityChip(activity)
  return (
    <View id={`activity-${activity.id}`} className='ll-card activity-card' hoverClass='activity-card-pressed' onClick={onOpen}>
      {activity.coverUrl ? <Image className='activity-card-cover' src={activity.coverUrl} mode='aspectFill' lazyLoad /> : null}
      <View className='activity-card-top'>
        <Text className='activity-category'>{activityCategoryLabels[activity.category]}</Text>
        <ToneChip label={chip.label} tone={chip.tone} />
      </View>
      <Text className='ll-heading activity-title'>{activity.title}</Text>
      <Text className='ll-text activity-line'>时间：{formatTimeRange(activity.startsAt, activity.endsAt)}</Text>
      <Text className='ll-text activity-line'>地点：{activity.place}</Text>
      <Text className='ll-secondary activity-line'>组织方：{activity.organiser.name}</Text>
      <Text className='ll-text activity-seats'>{seatsLine(activity)}</Text>
      <Text className='activity-more'>查看详情 ›</Text>
    </View>
  )
}
