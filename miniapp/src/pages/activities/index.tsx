import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { activityCategoryLabels, routes, type ActivityCategory } from '@linli/shared'
import { call } from '../../api'
import { ActivityCard } from '../../components/ActivityCard'
import { Button, TabPane, Tabs } from '../../components/nutui'
import { Page } from '../../components/Page'
import { StaffFrame } from '../../components/StaffFrame'
import { PagedListBody } from '../../components/States'
import { usePagedList } from '../../hooks/usePagedList'
import { usePagedListGestures } from '../../hooks/usePullRefresh'
import { useMe } from '../../hooks/useSession'
import { goTo } from '../../navigation'
import './index.css'

const PAGE_SIZE = 10
type Range = 'upcoming' | 'week' | 'past'
const RANGES: { range: Range; title: string; empty: string }[] = [
  { range: 'upcoming', title: '近期', empty: '近期还没有活动' },
  { range: 'week', title: '本周', empty: '这一周没有活动' },
  { range: 'past', title: '往期', empty: '还没有办过的活动' },
]
const CATEGORIES = Object.keys(activityCategoryLabels) as ActivityCategory[]

export default function ActivitiesPage() {
  const { state } = useMe('activities')
  const me = state.data
  const [range, setRange] = useState<Range>('upcoming')
  const [category, setCategory] = useState<ActivityCategory | undefined>()
  const [choosing, setChoosing] = useState(false)
  const filter = RANGES.find((r) => r.range === range) ?? RANGES[0]
  const list = usePagedList(
    (page) =>
      call(routes.listActivities, {
        query: { range, category, page, pageSize: PAGE_SIZE, manage: me?.isStaff ? 'true' : undefined },
      }),
    `${range}/${category ?? 'all'}/${me?.isStaff ?? false}`,
    Boolean(me),
  )

  usePagedListGestures(list)
  const empty = {
    title: category ? `${filter.empty}（${activityCategoryLabels[category]}）` : filter.empty,
    description: '居委会和社会组织发布活动后，会出现在这里。可以换个分类看看，或者过几天再来。',
    refresh: true,
  }

  const footer = me?.isStaff ? (
    <Button id='activity-create' type='primary' size='xlarge' block onClick={() => goTo('activityForm')}>
      发布新活动
    </Button>
  ) : undefined

  return (
    <Page footer={footer}>
      <StaffFrame current='activities'>
        <Tabs value={range} onChange={(value) => setRange(value as Range)} activeType='line' align='left' autoHeight>
          {RANGES.map((r) => (
            <TabPane key={r.range} title={r.title} value={r.range} />
          ))}
        </Tabs>
        {/* Folded by default so the first activity is on screen, even in 大字模式. */}
        <View className='activities-category-bar'>
          <View id='category-toggle' className='activities-category activities-category-toggle' onClick={() => setChoosing(!choosing)}>
            分类：{category ? activityCategoryLabels[category] : '全部'}{'，'}{choosing ? '收起 ▲' : '换一个 ▼'}
          </View>
        </View>
        {choosing ? (
          <View className='activities-categories' id='activity-categories'>
            {[undefined, ...CATEGORIES].map((key) => (
              <View
                key={key ?? 'all'}
                id={`category-${key ?? 'all'}`}
                className={key === category ? 'activities-category activities-category-on' : 'activities-category'}
                onClick={() => {
                  setCategory(key)
                  setChoosing(false)
                }}
              >
                {key === category ? '✓ ' : ''}
                {key ? activityCategoryLabels[key] : '全部'}
              </View>
            ))}
          </View>
        ) : null}
        <View className='ll-body'>
          {me && !me.verified ? (
            <View className='ll-notice' id='activity-verify-prompt'>
              <Text className='ll-text'>您还没有认证住户。面向所有人的活动现在就能报名；只面向本社区居民的活动，认证后才能报名。</Text>
              <Text className='ll-link activities-verify-link' onClick={() => goTo('claimHousehold')}>
                去认证我的住户 ›
              </Text>
            </View>
          ) : null}
          <PagedListBody list={list} me={state} id='activity-list' loadMoreId='activity-load-more' empty={empty}>
            {list.items.map((activity) => (
              <ActivityCard key={activity.id} activity={activity} onOpen={() => goTo('activityDetail', { id: activity.id })} />
            ))}
          </PagedListBody>
        </View>
      </StaffFrame>
    </Page>
  )
}
