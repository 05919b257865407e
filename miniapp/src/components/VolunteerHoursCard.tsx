import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { routes, type MyVolunteerHours } from '@linli/shared'
import { call, messageOf } from '../api'
import { useResource } from '../hooks/useResource'
import { formatDateTime } from '../lib/format'
import { Button } from './nutui'

const PAGE_SIZE = 5
const hours = (minutes: number) => Math.round(minutes / 6) / 10

/** 我的志愿服务: total, this year and each credit from the hours ledger; shown only to people who have served. */
export function VolunteerHoursCard() {
  const first = useResource(() => call(routes.myVolunteerHours, { query: { pageSize: PAGE_SIZE } }))
  const [more, setMore] = useState<MyVolunteerHours['history']['items']>([])
  const [page, setPage] = useState(1)
  const [error, setError] = useState<string>()
  const data = first.state.data
  if (!data || data.history.total === 0) return null
  const items = [...data.history.items, ...more]

  const loadMore = async () => {
    setError(undefined)
    try {
      const next = await call(routes.myVolunteerHours, { query: { pageSize: PAGE_SIZE, page: page + 1 } })
      setMore([...more, ...next.history.items])
      setPage(page + 1)
    } catch (e) {
      setError(messageOf(e))
    }
  }

  return (
    <View id='mine-volunteer-hours' className='ll-card'>
      <Text className='ll-heading'>我的志愿服务</Text>
      <Text id='mine-hours-total' className='ll-text'>
        累计 {hours(data.totalMinutes)} 小时，今年 {hours(data.thisYearMinutes)} 小时
      </Text>
      {items.map((h) => (
        <View key={h.id} className='ll-card-row'>
          <Text className='ll-text'>{h.activityTitle}</Text>
          <Text className='ll-secondary'>
            {formatDateTime(h.createdAt)} · {hours(h.minutes)} 小时
          </Text>
        </View>
      ))}
      {items.length < data.history.total ? (
        <Button id='mine-hours-more' size='large' fill='outline' onClick={() => void loadMore()}>
          查看更早的记录
        </Button>
      ) : null}
      {error ? <Text className='ll-text'>{error}</Text> : null}
    </View>
  )
}
